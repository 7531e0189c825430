package io.github.camelrecurrente.component.client;

/**
 * Base of the client's exceptions (no Camel type): an error answer ({@link ApiErrorException}), a request rejected
 * before the call ({@link InvalidRequestException}), or an answer that cannot be read. Messages never contain keys.
 */
public class RecurrenteClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecurrenteClientException(String message) {
        super(message);
    }

    public RecurrenteClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
