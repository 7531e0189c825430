package io.github.camelrecurrente.component;

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
}
