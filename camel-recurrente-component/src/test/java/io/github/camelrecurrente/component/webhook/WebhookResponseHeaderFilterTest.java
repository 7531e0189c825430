package io.github.camelrecurrente.component.webhook;

import java.nio.charset.StandardCharsets;

import io.github.camelrecurrente.component.RecurrenteConstants;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookResponseHeaderFilterTest {

    @Test
    void nothingButAllowGoesOut() {
        WebhookResponseHeaderFilter filter = new WebhookResponseHeaderFilter(new HttpHeaderFilterStrategy());
        for (String name : new String[] {
            "svix-id", "svix-timestamp", "User-Agent", "X-Erp-Ledger-Entry", "CamelRecurrenteEventType", "Content-Type"
        }) {
            assertTrue(filter.applyFilterToCamelHeaders(name, "v", null), name + " must not be copied to the answer");
        }
        // the delivery's body, which the route may store: never sent back to the sender
        assertTrue(filter.applyFilterToCamelHeaders(
                RecurrenteConstants.RAW_BODY, "{\"id\":\"pa_1\"}".getBytes(StandardCharsets.UTF_8), null));
        assertTrue(filter.applyFilterToCamelHeaders(RecurrenteConstants.CANONICAL, new Object(), null));
        assertFalse(filter.applyFilterToCamelHeaders("Allow", "POST", null));
        assertFalse(filter.applyFilterToCamelHeaders("allow", "POST", null));
    }

    @Test
    void incomingHeadersFollowTheWrappedStrategy() {
        WebhookResponseHeaderFilter filter = new WebhookResponseHeaderFilter(new HttpHeaderFilterStrategy());
        assertTrue(filter.applyFilterToExternalHeaders("CamelHttpResponseCode", "500", null));
        assertTrue(filter.applyFilterToExternalHeaders("camelRecurrenteEventType", "x", null));
        assertFalse(filter.applyFilterToExternalHeaders("svix-id", "msg_1", null));
        assertFalse(filter.applyFilterToExternalHeaders("X-Sender-Note", "kept", null));
    }

    @Test
    void withoutAWrappedStrategyCamelHeadersAreStillKeptOut() {
        WebhookResponseHeaderFilter filter = new WebhookResponseHeaderFilter(null);
        assertTrue(filter.applyFilterToExternalHeaders("CamelHttpResponseCode", "500", null));
        assertTrue(filter.applyFilterToExternalHeaders("CAMELX", "1", null));
        assertFalse(filter.applyFilterToExternalHeaders("svix-id", "msg_1", null));
        assertFalse(filter.applyFilterToExternalHeaders("Cam", "1", null));
    }
}
