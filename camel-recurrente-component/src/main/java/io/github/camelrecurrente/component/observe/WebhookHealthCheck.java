package io.github.camelrecurrente.component.observe;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Webhook readiness: DOWN when every one of the last {@code signatureFailureThreshold} deliveries failed signature
 * verification (after a secret rotation gone wrong every delivery is refused, and nothing else would say so); one
 * verified delivery brings it back UP. UP before the first delivery.
 */
final class WebhookHealthCheck extends RecurrenteHealthCheck {

    private final EndpointObserver observer;

    WebhookHealthCheck(String id, EndpointObserver observer) {
        super(id);
        this.observer = observer;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        WebhookStats stats = observer.webhook();
        int threshold = observer.endpoint().getConfiguration().getSignatureFailureThreshold();
        int failures = stats.consecutiveSignatureFailures();
        builder.detail("webhook.path", observer.endpoint().getConfiguration().getWebhookPath());
        builder.detail("deliveries", stats.total());
        builder.detail("accepted", stats.count(WebhookOutcome.ACCEPTED));
        builder.detail("consecutive.signature.failures", failures);
        builder.detail("signature.failure.threshold", threshold);
        if (stats.lastRejection() != null) {
            builder.detail("last.rejection.reason", stats.lastRejection().reason());
        }
        if (stats.lastDelivery() != null) {
            builder.detail("last.delivery.time", stats.lastDelivery().toString());
        }
        if (stats.lastAccepted() != null) {
            builder.detail("last.accepted.time", stats.lastAccepted().toString());
        }
        if (threshold > 0 && failures >= threshold) {
            builder.message("The last " + failures + " webhook deliveries all failed signature verification (last: "
                    + (stats.lastRejection() == null
                            ? "?"
                            : stats.lastRejection().reason())
                    + "): check webhookSecret, e.g. after a secret rotation");
            builder.down();
        } else {
            builder.up();
        }
    }
}
