package io.github.camelrecurrente.examples;

/**
 * An operator request refused with an HTTP status and a JSON error ({@code {"error": code, "message": ...,
 * "field": ...}}): bad input (400), unknown payment (404), nothing left to refund or a refund in flight (409), an
 * amount above the refundable rest (422). The message never carries a secret.
 */
public class OperatorRequestException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public OperatorRequestException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static OperatorRequestException badRequest(String field, String message) {
        return new OperatorRequestException(400, "invalid_request", field, message);
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
