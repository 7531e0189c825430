package io.github.camelrecurrente.component.webhook;

import java.io.IOException;

import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.IntentEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RefundEvent;
import io.github.camelrecurrente.component.model.event.SetupIntentEvent;
import io.github.camelrecurrente.component.model.event.SubscriptionEvent;

/**
 * The {@code refetch=true} option: fetches the canonical object an event is about, so a route acts on the API's
 * current state rather than on the (possibly reordered or replayed) payload.
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

    private EventRefetcher() {
    }

    /** The operation and id to fetch for an event, or {@code null} when there is nothing to fetch. */
    static Target targetOf(RecurrenteEvent event) {
        if (event instanceof AbstractPaymentEvent p) {
            if (p.getCheckoutId() != null) {
                return new Target(RecurrenteOperation.getCheckout, p.getCheckoutId());
            }
            return null;
        } else if (event instanceof IntentEvent i) {
            return i.getId() != null ? new Target(RecurrenteOperation.getIntent, i.getId()) : null;
        } else if (event instanceof SubscriptionEvent s) {
            return s.getResourceId() != null ? new Target(RecurrenteOperation.getSubscription, s.getResourceId()) : null;
        } else if (event instanceof SetupIntentEvent s) {
            return s.getSubscriptionId() != null
                    ? new Target(RecurrenteOperation.getSubscription, s.getSubscriptionId()) : null;
        } else if (event instanceof RefundEvent r) {
            return r.getRefundId() != null ? new Target(RecurrenteOperation.getRefund, r.getRefundId()) : null;
        }
        return null;
    }

    /** Fetches the canonical object, or returns {@code null} when the event kind has none. */
    public static Object fetch(RecurrenteApi api, RecurrenteEvent event) throws IOException {
        Target t = targetOf(event);
        if (t == null) {
            return null;
        }
        return api.call(t.operation(), t.id(), null);
    }

    record Target(RecurrenteOperation operation, String id) {
    }
}
