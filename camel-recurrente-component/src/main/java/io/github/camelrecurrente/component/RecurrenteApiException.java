package io.github.camelrecurrente.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.client.ApiErrorException;

/**
 * The Recurrente API answered with an error status. Carries what a route needs to decide in
 * {@code onException(RecurrenteApiException.class).onWhen(...)}: the status, the API's message and field errors, the
 * raw response body, the operation, method and path, and the Retry-After delay if any. Never carries the keys.
 * <p>
 * The Camel-side form of the client's {@link ApiErrorException}: same message and fields; no cause, as before the
 * client had its own exceptions, so that onException matching is unchanged.
 */
public class RecurrenteApiException extends RecurrenteException {

    private static final long serialVersionUID = 1L;

    private final ApiErrorException error;

    public RecurrenteApiException(
            int statusCode,
            String apiMessage,
            Map<String, List<String>> fieldErrors,
            String responseBody,
            String operation,
            String method,
            String path,
            Duration retryAfter) {
        this(new ApiErrorException(
                statusCode, apiMessage, fieldErrors, responseBody, operation, method, path, retryAfter));
    }

    RecurrenteApiException(ApiErrorException error) {
        super(error.getMessage());
        this.error = error;
    }

    public int getStatusCode() {
        return error.getStatusCode();
    }

    /** The API's own message: the {@code message} field (current shape) or the {@code error} field (older shape). */
    public String getApiMessage() {
        return error.getApiMessage();
    }

    /** Field errors of the current error shape ({@code "errors": {"field": ["..."]}}), empty when none. */
    public Map<String, List<String>> getFieldErrors() {
        return error.getFieldErrors();
    }

    public String getResponseBody() {
        return error.getResponseBody();
    }

    public String getOperation() {
        return error.getOperation();
    }

    public String getMethod() {
        return error.getMethod();
    }

    public String getPath() {
        return error.getPath();
    }

    /** The Retry-After the API sent (429/503), or null. */
    public Duration getRetryAfter() {
        return error.getRetryAfter();
    }

    public boolean isRateLimited() {
        return error.getStatusCode() == 429;
    }

    public boolean isServerError() {
        return error.getStatusCode() >= 500;
    }
}
