package io.github.camelrecurrente.sandbox.webhook;

import java.util.regex.Pattern;

/** Drops the next N messages to one endpoint (optionally only those whose event type matches). Internal. */
final class DropRule {

    private final String endpoint;
    private final Pattern eventType;
    private int remaining;

    DropRule(String endpoint, int count, String eventTypeRegex) {
        this.endpoint = endpoint;
        this.remaining = count;
        this.eventType = eventTypeRegex == null || eventTypeRegex.isBlank() ? null : Pattern.compile(eventTypeRegex);
    }

    /** Consumes one drop when the rule applies. */
    synchronized boolean consume(String endpointId, String endpointUrl, String type) {
        if (remaining <= 0) {
            return false;
        }
        if (endpoint != null && !endpoint.equals(endpointId) && !endpoint.equals(endpointUrl)) {
            return false;
        }
        if (eventType != null && !eventType.matcher(type).matches()) {
            return false;
        }
        remaining--;
        return true;
    }

    synchronized boolean exhausted() {
        return remaining <= 0;
    }
}
