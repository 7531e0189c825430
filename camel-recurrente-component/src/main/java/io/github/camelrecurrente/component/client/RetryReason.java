package io.github.camelrecurrente.component.client;

/** Why the client retries a call. {@link #tag()} is the short, stable name used in metrics. */
public enum RetryReason {

    /** 429 Too Many Requests. */
    RATE_LIMITED("429"),
    /** A 5xx answer to a retry-safe call. */
    SERVER_ERROR("5xx"),
    /** An I/O error or timeout of a retry-safe call. */
    IO_ERROR("io");

    private final String tag;

    RetryReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
