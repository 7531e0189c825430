package io.github.camelrecurrente.component.webhook;

import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.LatestIntent;
import io.github.camelrecurrente.component.model.PaymentFields;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;

/**
 * The payment intent id an event names, for the operations that take one ({@code updatePaymentIntent},
 * {@code createRefund}); header {@code CamelRecurrentePaymentIntentId}. Only a field that <em>names</em> a payment
 * intent is read:
 * <ol>
 *   <li>the {@code id} of a {@code payment_intent.*} event (the event is about the payment intent itself);</li>
 *   <li>otherwise {@code checkout.latest_intent.id} when that latest intent's {@code type} is {@code PaymentIntent}
 *       (the only type the documented checkout examples show).</li>
 * </ol>
 * {@code payment.id} is never used: it names the payment, another object. The documented examples show a
 * {@code payment.id} that differs from the payment intent ({@code checkout.payment.id pa_laybj3zw} in the
 * {@code payment_intent.succeeded} of id {@code pa_id123}; {@code payment.id pa_ttfeprgn} next to
 * {@code latest_intent.id pa_123} in "Get all checkouts"; {@code payment.id pa_123} in the bank transfer events of id
 * {@code ba_123}). When no such field is present (a bank transfer, whose documented payloads name a {@code ba_...}
 * intent and no payment intent; a unified {@code intent.*} event without {@code checkout.latest_intent}) the id is
 * unknown: {@code null}.
 */
public final class PaymentIntentIds {

    /** {@code checkout.latest_intent.type} of a card payment intent (checkout examples of the documentation). */
    static final String PAYMENT_INTENT_TYPE = "PaymentIntent";

    private static final String PAYMENT_INTENT_EVENTS = "payment_intent.";

    private PaymentIntentIds() {}

    /** The payment intent id the event names, or null when none of its fields names one. */
    public static String of(RecurrenteEvent event) {
        String eventType = event.getEventType();
        if (eventType != null && eventType.startsWith(PAYMENT_INTENT_EVENTS) && !isBlank(event.getId())) {
            return event.getId();
        }
        if (event instanceof PaymentFields payment) {
            return latestPaymentIntent(payment.getCheckout());
        }
        return null;
    }

    /** {@code checkout.latest_intent.id} when its type is {@code PaymentIntent}; null otherwise. */
    private static String latestPaymentIntent(Checkout checkout) {
        LatestIntent latest = checkout == null ? null : checkout.getLatestIntent();
        if (latest == null || !PAYMENT_INTENT_TYPE.equals(latest.getType()) || isBlank(latest.getId())) {
            return null;
        }
        return latest.getId();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
