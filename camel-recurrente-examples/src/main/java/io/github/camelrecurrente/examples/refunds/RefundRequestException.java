package io.github.camelrecurrente.examples.refunds;

/**
 * A refund request refused before any API call, with the HTTP status and the JSON error the operator port answers
 * ({@code {"error": code, "message": ..., "field": ...}}, mapped by the operator's {@code OperatorResponses}): bad
 * input (400), unknown payment (404), nothing left to refund or a refund in flight (409), an amount above the
 * refundable rest (422). The message never carries a secret.
 */
public class RefundRequestException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public RefundRequestException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static RefundRequestException badRequest(String field, String message) {
        return new RefundRequestException(400, "invalid_request", field, message);
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
