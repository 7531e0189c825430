package io.github.camelrecurrente.examples.invoicing;

/**
 * An operator's FEL replay refused before anything changed, with the HTTP status and the JSON error the operator port
 * answers ({@code {"error": code, "message": ..., "field": ...}}, mapped by the operator's {@code OperatorResponses}):
 * bad input (400), unknown payment (404), a payment that is not in the dead letters (409).
 */
public class FelReplayRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    public FelReplayRequestException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int getStatus() {
        return status;
    }

    public String getCode() {
        return code;
    }

    /** @return the request field at fault, or null */
    public String getField() {
        return field;
    }
}
