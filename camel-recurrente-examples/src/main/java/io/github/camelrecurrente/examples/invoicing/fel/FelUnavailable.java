package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * The document may be certified later: the certifier could not be reached, answered 5xx or 429, or the answer was
 * lost and the look-up by identificador did not find the document. Retry with backoff: the same identificador makes
 * a new send safe (the certifier answers a repeated identificador with the original document).
 */
public final class FelUnavailable extends FelFailure {

    private static final long serialVersionUID = 1L;

    /** Our code for every retryable failure. */
    public static final String CODE = "CERTIFIER_UNAVAILABLE";

    private final String identificador;
    private final String reason;

    public FelUnavailable(String identificador, String reason, Throwable cause) {
        super(CODE + ": " + reason + " (identificador " + identificador + ")", cause);
        this.identificador = identificador;
        this.reason = reason;
    }

    /** @return the identificador of the document */
    public String identificador() {
        return identificador;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String operatorAction() {
        return "none while retries last; after them, check the certifier's status (fel.infile.url) and replay from the"
                + " status page";
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
