package io.github.camelrecurrente.component;

import io.github.camelrecurrente.component.client.InvalidRequestException;

/**
 * A request was rejected before any HTTP call: names the offending field and the rule it breaks.
 */
public class RecurrenteValidationException extends RecurrenteException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String field;
    private final String rule;

    public RecurrenteValidationException(String operation, String field, String rule) {
        super("Invalid " + operation + " request: " + field + " " + rule);
        this.operation = operation;
        this.field = field;
        this.rule = rule;
    }

    /** The Camel-side form of a request the client would not send. */
    RecurrenteValidationException(InvalidRequestException e) {
        super(e.getMessage(), e);
        this.operation = e.getOperation();
        this.field = e.getField();
        this.rule = e.getRule();
    }

    /** The operation whose request was invalid. */
    public String getOperation() {
        return operation;
    }

    /** The offending field, as a JSON path such as {@code items[0].quantity}. */
    public String getField() {
        return field;
    }

    /** The rule the field breaks, e.g. {@code must be between 1 and 9, was 12}. */
    public String getRule() {
        return rule;
    }
}
