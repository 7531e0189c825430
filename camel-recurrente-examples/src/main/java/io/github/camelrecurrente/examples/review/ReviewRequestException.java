package io.github.camelrecurrente.examples.review;

/**
 * An operator's review action refused, with the HTTP status and JSON error the operator port answers
 * ({@code {"error": code, "message": ..., "field": ...}}): bad input 400, unknown case 404, a case no longer open or a
 * payment id the ledger already has 409.
 */
public class ReviewRequestException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ReviewRequestException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ReviewRequestException badRequest(String field, String message) {
        return new ReviewRequestException(400, "invalid_request", field, message);
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
