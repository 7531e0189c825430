package io.github.camelrecurrente.component.webhook;

import java.io.IOException;

import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.model.ResourceRef;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;

/**
 * The {@code refetch=true} option: fetches the canonical object an event is about ({@link RecurrenteEvent#subject()}),
 * so a route acts on the API's current state rather than on the (possibly reordered or replayed) payload.
 * <ul>
 * <li>{@code payment_intent.*}, {@code bank_transfer_intent.*}, {@code balance_intent.*}: the checkout
 * ({@code GET /checkouts/{checkout.id}}), which carries the payment status</li>
 * <li>{@code intent.*}: the unified intent ({@code GET /intents/{id}})</li>
 * <li>{@code subscription.*}: the subscription; {@code setup_intent.*}: its subscription</li>
 * <li>{@code refund.*}: the refund</li>
 * <li>anything else: nothing (the header is not set)</li>
 * </ul>
 */
public final class EventRefetcher {

    private EventRefetcher() {}

    /** The operation that fetches an object of that kind. */
    static RecurrenteOperation operationFor(ResourceRef.Kind kind) {
        return switch (kind) {
            case CHECKOUT -> RecurrenteOperation.getCheckout;
            case INTENT -> RecurrenteOperation.getIntent;
            case SUBSCRIPTION -> RecurrenteOperation.getSubscription;
            case REFUND -> RecurrenteOperation.getRefund;
        };
    }

    /** Fetches the canonical object, or returns {@code null} when the event kind has none. */
    public static Object fetch(RecurrenteApi api, RecurrenteEvent event) throws IOException {
        ResourceRef subject = event.subject();
        if (subject == null) {
            return null;
        }
        return api.call(operationFor(subject.kind()).spec(), subject.id(), null);
    }
}
