package io.github.camelrecurrente.examples.ledger;

/**
 * An operator's request (a refund, a review action, a FEL replay or cancellation) refused before anything is sent or
 * booked, with the HTTP status and the JSON error the operator port answers ({@code {"error": code, "message": ...,
 * "field": ...}}, mapped by the operator's {@code OperatorResponses}): bad input (400), unknown object (404), a state
 * that does not allow it (409), an amount or rule it breaks (422). The one type every concern throws for that, so the
 * operator side maps it in one place. The message never carries a secret.
 */
public class RequestRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    public RequestRefusedException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400 {@code invalid_request} naming the request field at fault. */
    public static RequestRefusedException badRequest(String field, String message) {
        return new RequestRefusedException(400, "invalid_request", field, message);
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
