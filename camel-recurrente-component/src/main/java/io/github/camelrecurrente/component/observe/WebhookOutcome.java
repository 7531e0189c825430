package io.github.camelrecurrente.component.observe;

/**
 * What became of one webhook delivery: the {@code outcome} and {@code reason} tags of
 * {@code recurrente.webhook.deliveries}, and the rows of the dev console.
 */
public enum WebhookOutcome {

    /** Verified, routed, answered 200. */
    ACCEPTED("accepted", "none"),
    /** Its svix-id was already processed: answered 200 without routing. */
    DUPLICATE("duplicate", "none"),
    /** Its svix-id is being processed right now on this node: answered 409 so the sender retries later. */
    IN_FLIGHT_DUPLICATE("in_flight_duplicate", "none"),
    /** Verified, but its event type is not in {@code eventTypes}: answered 200, not routed. */
    IGNORED("ignored", "none"),
    /** The signature did not match any secret: 401. */
    REJECTED_SIGNATURE("rejected", "bad_signature"),
    /** The svix-timestamp is outside the tolerance (stale or in the future) or not a number: 401. */
    REJECTED_TIMESTAMP("rejected", "stale_timestamp"),
    /** svix-id, svix-timestamp or svix-signature missing: 401. */
    REJECTED_MISSING_HEADERS("rejected", "missing_headers"),
    /** Verified (or not verified) but not a Recurrente event: 400. */
    REJECTED_MALFORMED("rejected", "malformed"),
    /** Body over {@code maxBodySize}: 413. */
    REJECTED_TOO_LARGE("rejected", "too_large"),
    /** Not a POST: 405. */
    REJECTED_METHOD("rejected", "wrong_method"),
    /** The route failed: answered 500 so the sender retries. */
    ROUTE_FAILED("route_failed", "none"),
    /** The idempotent repository or the refetch failed: answered 503 so the sender retries. */
    UNAVAILABLE("unavailable", "none");

    private final String outcome;
    private final String reason;

    WebhookOutcome(String outcome, String reason) {
        this.outcome = outcome;
        this.reason = reason;
    }

    public String outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public boolean isRejected() {
        return "rejected".equals(outcome);
    }

    /** A rejection by the signature verification (counts towards the webhook health check). */
    public boolean isSignatureFailure() {
        return this == REJECTED_SIGNATURE || this == REJECTED_TIMESTAMP || this == REJECTED_MISSING_HEADERS;
    }

    /** Whether the delivery got past the signature verification (resets the health check's count). */
    boolean passedVerification() {
        return this != REJECTED_METHOD && this != REJECTED_TOO_LARGE && !isSignatureFailure();
    }

    /** {@code outcome} or {@code outcome/reason}: the console's key. */
    public String label() {
        return "none".equals(reason) ? outcome : outcome + "/" + reason;
    }
}
