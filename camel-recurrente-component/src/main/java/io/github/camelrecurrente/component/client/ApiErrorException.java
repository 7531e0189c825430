package io.github.camelrecurrente.component.client;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The API answered with an error status: the status, the API's message and field errors, the raw body, the call
 * (operation, method, path) and the Retry-After delay if any. Never carries the keys.
 */
public class ApiErrorException extends RecurrenteClientException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String apiMessage;
    private final Map<String, List<String>> fieldErrors;
    private final String responseBody;
    private final String operation;
    private final String method;
    private final String path;
    private final Duration retryAfter;

    public ApiErrorException(
            int statusCode,
            String apiMessage,
            Map<String, List<String>> fieldErrors,
            String responseBody,
            String operation,
            String method,
            String path,
            Duration retryAfter) {
        super(describe(statusCode, apiMessage, fieldErrors, operation, method, path, retryAfter));
        this.statusCode = statusCode;
        this.apiMessage = apiMessage;
        this.fieldErrors = fieldErrors == null ? Map.of() : Collections.unmodifiableMap(fieldErrors);
        this.responseBody = responseBody;
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.retryAfter = retryAfter;
    }

    /** The message of an error answer (the Camel layer's exception repeats it). */
    private static String describe(
            int status,
            String apiMessage,
            Map<String, List<String>> fieldErrors,
            String operation,
            String method,
            String path,
            Duration retryAfter) {
        StringBuilder sb = new StringBuilder("Recurrente API answered ")
                .append(status)
                .append(" to ")
                .append(method)
                .append(' ')
                .append(path)
                .append(" (")
                .append(operation)
                .append(")");
        if (apiMessage != null && !apiMessage.isBlank()) {
            sb.append(": ").append(apiMessage);
        }
        if (fieldErrors != null && !fieldErrors.isEmpty()) {
            sb.append(' ').append(fieldErrors);
        }
        if (status == 401 || status == 403) {
            sb.append(" - the secretKey/publicKey options are wrong, missing or of another account or environment"
                    + " (keys are not shown)");
        }
        if (retryAfter != null) {
            sb.append(" - Retry-After ").append(retryAfter.toSeconds()).append('s');
        }
        return sb.toString();
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** The API's own message: the {@code message} field (current shape) or the {@code error} field (older shape). */
    public String getApiMessage() {
        return apiMessage;
    }

    /** Field errors ({@code "errors": {"field": ["..."]}}), empty when none. */
    public Map<String, List<String>> getFieldErrors() {
        return fieldErrors;
    }

    public String getResponseBody() {
        return responseBody;
    }

    public String getOperation() {
        return operation;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    /** The Retry-After the API sent (429/503), or null. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
