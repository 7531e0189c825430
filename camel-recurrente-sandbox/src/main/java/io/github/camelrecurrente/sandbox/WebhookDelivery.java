package io.github.camelrecurrente.sandbox;

import java.time.Instant;

/**
 * One delivery attempt of a webhook message to one endpoint (delivery log entry).
 *
 * @param messageId   Svix message id ({@code msg_...}), the same on every retry and re-send
 * @param eventType   event type, e.g. {@code payment_intent.succeeded}
 * @param endpointId  endpoint id ({@code ep_...})
 * @param endpointUrl endpoint URL
 * @param attempt     1-based attempt number for this message and endpoint; 0 when the message was dropped
 * @param statusCode  HTTP status answered by the receiver, 0 on connection error / timeout / drop
 * @param timestamp   when the attempt was made
 * @param body        the JSON body sent
 * @param error       error text for failed attempts ({@code "dropped"} for dropped messages), else {@code null}
 */
public record WebhookDelivery(
        String messageId,
        String eventType,
        String endpointId,
        String endpointUrl,
        int attempt,
        int statusCode,
        Instant timestamp,
        String body,
        String error) {

    /** @return {@code true} when the receiver answered 2xx */
    public boolean succeeded() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** @return {@code true} when the message was deliberately dropped */
    public boolean dropped() {
        return attempt == 0;
    }
}
