package io.github.camelrecurrente.component.client;

/**
 * A request the client would not send: names the operation, the offending field and the rule it breaks.
 */
public class InvalidRequestException extends RecurrenteClientException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String field;
    private final String rule;

    public InvalidRequestException(String operation, String field, String rule) {
        super("Invalid " + operation + " request: " + field + " " + rule);
        this.operation = operation;
        this.field = field;
        this.rule = rule;
    }

    public String getOperation() {
        return operation;
    }

    public String getField() {
        return field;
    }

    public String getRule() {
        return rule;
    }
}
