package io.github.camelrecurrente.component.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The header filter of the platform-http endpoint that {@code recurrente:events} serves. Headers coming in from the
 * sender are filtered exactly as platform-http would (the wrapped strategy: no {@code Camel*} header can be injected
 * from outside). Going out, no message header is copied into the answer: platform-http would otherwise echo the
 * request's headers ({@code svix-id}, {@code svix-timestamp}, {@code User-Agent}, ...) and any header the route sets.
 * The answer carries its status, {@code Content-Type} and {@code Content-Length} (which platform-http sets on its own,
 * not through this filter) and, on a 405, {@code Allow}. A sender such as Svix reads only the status, and copying and
 * encoding a dozen headers per delivery is work for nothing.
 */
final class WebhookResponseHeaderFilter implements HeaderFilterStrategy {

    private final HeaderFilterStrategy inbound;

    WebhookResponseHeaderFilter(HeaderFilterStrategy inbound) {
        this.inbound = inbound;
    }

    /** Camel message to HTTP answer: everything but {@code Allow} is left out. */
    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !"Allow".equalsIgnoreCase(headerName);
    }

    /**
     * HTTP request to Camel message: as platform-http's own strategy decides; without one, at least no header named
     * {@code Camel...} (any case) gets in.
     */
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        if (inbound == null) {
            return headerName != null && headerName.regionMatches(true, 0, "camel", 0, 5);
        }
        return inbound.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
