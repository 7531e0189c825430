package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * Why a FEL document was not certified. Three kinds, each a subclass, so that a route can tell them apart by type:
 * <ul>
 * <li>{@link FelRefusal}: refused here by a SAT rule before anything was sent (final: dead letter);</li>
 * <li>{@link FelRejection}: the certifier answered that the document is not valid ({@code resultado: false}) or
 * refused the credentials (final: dead letter with every message, no retry loop);</li>
 * <li>{@link FelUnavailable}: the certifier could not be reached or answered 5xx/429, or the answer was lost and the
 * look-up found nothing (retryable with backoff: the same identificador makes a new send safe).</li>
 * </ul>
 * Messages never carry credentials.
 */
public abstract sealed class FelFailure extends RuntimeException permits FelRefusal, FelRejection, FelUnavailable {

    private static final long serialVersionUID = 1L;

    FelFailure(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    /** @return a code for the dead letter: SAT's rule code (e.g. {@code FEL_RCP535}) or one of ours */
    public abstract String code();

    /** @return the reason, in one sentence, for the dead letter and the status page */
    public abstract String reason();

    /** @return what the operator can do about it */
    public abstract String operatorAction();

    /** @return true when sending the same document again later may succeed (retry with backoff) */
    public abstract boolean isRetryable();
}
