package io.github.camelrecurrente.component.client;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The HTTP client a {@link RecurrenteClient} sends through, and what to do when that client no longer needs it:
 * give a lease of a shared pool back ({@link ConnectionPools}), close a private pool, or nothing for an
 * application's own {@link CloseableHttpClient} (the application closes it).
 */
public final class HttpTransport {

    private final CloseableHttpClient http;
    private final boolean external;
    private final Runnable release;

    private HttpTransport(CloseableHttpClient http, boolean external, Runnable release) {
        this.http = http;
        this.external = external;
        this.release = release;
    }

    /** An application's own client (proxy, TLS, interceptors): used as it is, never closed here. */
    public static HttpTransport external(CloseableHttpClient http) {
        if (http == null) {
            throw new IllegalArgumentException("httpClient: null");
        }
        return new HttpTransport(http, true, () -> {});
    }

    static HttpTransport of(CloseableHttpClient http, Runnable release) {
        return new HttpTransport(http, false, release);
    }

    CloseableHttpClient http() {
        return http;
    }

    /**
     * Whether the client is the application's own: then its own timeouts apply and the component sets no request
     * configuration on the calls.
     */
    public boolean isExternal() {
        return external;
    }

    void release() {
        release.run();
    }
}
