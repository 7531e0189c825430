package io.github.camelrecurrente.component.client;

/**
 * What a {@link RecurrenteClient} needs from an endpoint's configuration. {@link #toString()} hides the keys.
 * {@code maxRetries} caps the retries of one call in all (429, 5xx and I/O together); 0 means none.
 */
public record ClientSettings(
        String baseUrl,
        String publicKey,
        String secretKey,
        long connectTimeoutMillis,
        long requestTimeoutMillis,
        int maxConnections,
        int rateLimitRetries,
        long maxRetryAfterMillis,
        int serverErrorRetries,
        long retryDelayMillis,
        int maxRetries) {

    @Override
    public String toString() {
        return "ClientSettings[baseUrl=" + baseUrl + ", publicKey=" + (publicKey == null ? "unset" : "***")
                + ", secretKey=" + (secretKey == null ? "unset" : "***") + "]";
    }
}
