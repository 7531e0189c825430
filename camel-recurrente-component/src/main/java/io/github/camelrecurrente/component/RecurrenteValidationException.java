package io.github.camelrecurrente.component;

import io.github.camelrecurrente.component.client.InvalidRequestException;

/**
 * A request was rejected before any HTTP call: names the offending field and the rule it breaks. The Camel-side
 * form of the client's {@link InvalidRequestException} (same message and fields; no cause, as before the client had
 * its own exceptions, so that onException matching is unchanged).
 */
public class RecurrenteValidationException extends RecurrenteException {

    private static final long serialVersionUID = 1L;

    private final InvalidRequestException invalid;

    public RecurrenteValidationException(String operation, String field, String rule) {
        this(new InvalidRequestException(operation, field, rule));
    }

    RecurrenteValidationException(InvalidRequestException invalid) {
        super(invalid.getMessage());
        this.invalid = invalid;
    }

    /** The operation whose request was invalid. */
    public String getOperation() {
        return invalid.getOperation();
    }

    /** The offending field, as a JSON path such as {@code items[0].quantity}. */
    public String getField() {
        return invalid.getField();
    }

    /** The rule the field breaks, e.g. {@code must be between 1 and 9, was 12}. */
    public String getRule() {
        return invalid.getRule();
    }
}
