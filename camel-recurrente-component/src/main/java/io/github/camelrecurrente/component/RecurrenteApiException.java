package io.github.camelrecurrente.component;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.client.ApiErrorException;

/**
 * The Recurrente API answered with an error status. Carries what a route needs to decide in
 * {@code onException(RecurrenteApiException.class).onWhen(...)}: the status, the API's message and field errors, the
 * raw response body, the operation, method and path, and the Retry-After delay if any. Never carries the keys.
 */
public class RecurrenteApiException extends RecurrenteException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String apiMessage;
    private final Map<String, List<String>> fieldErrors;
    private final String responseBody;
    private final String operation;
    private final String method;
    private final String path;
    private final Duration retryAfter;

    public RecurrenteApiException(int statusCode, String apiMessage, Map<String, List<String>> fieldErrors,
                                  String responseBody, String operation, String method, String path,
                                  Duration retryAfter) {
        super(ApiErrorException.describe(statusCode, apiMessage, fieldErrors, operation, method, path, retryAfter));
        this.statusCode = statusCode;
        this.apiMessage = apiMessage;
        this.fieldErrors = fieldErrors == null ? Map.of() : Collections.unmodifiableMap(fieldErrors);
        this.responseBody = responseBody;
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.retryAfter = retryAfter;
    }

    /** The Camel-side form of the client's error answer (same message and fields; the client's as cause). */
    RecurrenteApiException(ApiErrorException e) {
        super(e.getMessage(), e);
        this.statusCode = e.getStatusCode();
        this.apiMessage = e.getApiMessage();
        this.fieldErrors = e.getFieldErrors();
        this.responseBody = e.getResponseBody();
        this.operation = e.getOperation();
        this.method = e.getMethod();
        this.path = e.getPath();
        this.retryAfter = e.getRetryAfter();
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** The API's own message: the {@code message} field (current shape) or the {@code error} field (older shape). */
    public String getApiMessage() {
        return apiMessage;
    }

    /** Field errors of the current error shape ({@code "errors": {"field": ["..."]}}), empty when none. */
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

    public boolean isRateLimited() {
        return statusCode == 429;
    }

    public boolean isServerError() {
        return statusCode >= 500;
    }
}
