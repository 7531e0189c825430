package io.github.camelrecurrente.component.converter;

/**
 * A body could not be converted to or from a Recurrente model: the message names the model class, the field (as a
 * JSON path such as {@code items[0].quantity}) and what was wrong. Camel wraps it in its
 * {@code TypeConversionException}.
 */
public class RecurrenteConversionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RecurrenteConversionException(String message) {
        super(message);
    }
}
