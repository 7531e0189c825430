package io.github.camelrecurrente.component;

import io.github.camelrecurrente.component.client.ApiErrorException;
import io.github.camelrecurrente.component.client.InvalidRequestException;
import io.github.camelrecurrente.component.client.RecurrenteClientException;
import org.apache.camel.RuntimeCamelException;

/**
 * Base of the exceptions thrown by the Recurrente component. Messages never contain keys or secrets.
 */
public class RecurrenteException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    public RecurrenteException(String message) {
        super(message);
    }

    public RecurrenteException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The Camel boundary of the client: what users catch today for each client exception
     * ({@link RecurrenteApiException}, {@link RecurrenteValidationException}, else this class), same message and
     * the same cause as before the client had its own exceptions.
     */
    static RecurrenteException of(RecurrenteClientException e) {
        if (e instanceof ApiErrorException api) {
            return new RecurrenteApiException(api);
        }
        if (e instanceof InvalidRequestException invalid) {
            return new RecurrenteValidationException(invalid);
        }
        return new RecurrenteException(e.getMessage(), e.getCause()); // the cause it always had (e.g. Jackson's)
    }
}
