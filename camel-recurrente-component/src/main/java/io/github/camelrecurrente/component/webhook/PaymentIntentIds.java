package io.github.camelrecurrente.component.webhook;

import io.github.camelrecurrente.component.model.Payment;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.IntentEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;

/**
 * The payment intent id ({@code pa_...}) an event carries, for the operations that take one
 * ({@code updatePaymentIntent}, {@code createRefund}): a unified {@code intent.*} event is about an {@code in_...} id,
 * and carries the payment intent as {@code payment.id}; a legacy {@code payment_intent.*} event is about the
 * payment intent itself. Only an id with the {@code pa_} prefix (the prefix every documented payment intent has)
 * is given out.
 */
public final class PaymentIntentIds {

    static final String PREFIX = "pa_";

    private PaymentIntentIds() {}

    /** The payment intent id of the event, or null when its payload does not carry one. */
    public static String of(RecurrenteEvent event) {
        String id = null;
        if (event instanceof IntentEvent intent) {
            id = idOf(intent.getPayment());
        } else if (event instanceof AbstractPaymentEvent payment
                && event.getEventType() != null
                && event.getEventType().startsWith("payment_intent.")) {
            id = payment.getId() != null ? payment.getId() : idOf(payment.getPayment());
        }
        return id != null && id.startsWith(PREFIX) ? id : null;
    }

    private static String idOf(Payment payment) {
        return payment == null ? null : payment.getId();
    }
}
