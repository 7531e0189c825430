package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Checkout;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

/**
 * The billing engine of subscriptions: renewals, failed charges (past_due, then cancelled on the third failure),
 * pause, unpause, cancel and card changes, each with its documented webhook events.
 * Callers hold the account lock; impossible transitions throw {@link IllegalStateException}.
 */
public final class SubscriptionBilling {

    private final PaymentRecords records;

    SubscriptionBilling(PaymentRecords records) {
        this.records = records;
    }

    /** Charges the next period of a subscription successfully. @return the payment intent */
    public ObjectNode renew(AccountData data, JsonResource su) {
        ObjectNode s = su.node();
        String status = s.path("status").asText();
        if (!"active".equals(status) && !"past_due".equals(status)) {
            throw new IllegalStateException(
                    "Subscription " + su.id() + " is " + status + "; only active or past_due ones renew");
        }
        long now = Times.micros(Instant.now());
        ObjectNode pa = subscriptionCharge(data, su, "succeeded", null, now);
        s.put("status", "active");
        s.put("payment_retries", 0);
        s.putNull("next_payment_attempt_at");
        ZonedDateTime start =
                ZonedDateTime.ofInstant(Times.parse(s.path("current_period_end").asText()), ZoneOffset.UTC);
        s.put("current_period_start", Times.format(start.toInstant()));
        s.put(
                "current_period_end",
                Times.format(PaymentRecords.advance(start, s).toInstant()));
        s.put("latest_payment_id", pa.path("payment").path("id").asText());
        s.put("updated_at", Times.formatMicros(now));
        int charged = s.path("periods_charged").asInt(0) + 1;
        s.put("periods_charged", charged);
        JsonNode limit = s.get("periods_before_automatic_cancellation");
        if (limit != null && limit.canConvertToInt() && limit.asInt() > 0 && charged >= limit.asInt()) {
            s.put("status", "cancelled");
            records.emitSubscription(data, "subscription.cancel", su);
        }
        return pa;
    }

    /**
     * Fails the charge of the current period: first failure {@code past_due} ({@code subscription.past_due}),
     * third failure {@code cancelled} ({@code subscription.cancel}).
     *
     * @return the failed payment intent
     */
    public ObjectNode failPayment(AccountData data, JsonResource su) {
        ObjectNode s = su.node();
        String status = s.path("status").asText();
        if (!"active".equals(status) && !"past_due".equals(status)) {
            throw new IllegalStateException(
                    "Subscription " + su.id() + " is " + status + "; only active or past_due ones are charged");
        }
        long now = Times.micros(Instant.now());
        ObjectNode pa = subscriptionCharge(data, su, "failed", PaymentSimulator.DECLINED, now);
        int retries = s.path("payment_retries").asInt(0) + 1;
        s.put("payment_retries", retries);
        s.put("updated_at", Times.formatMicros(now));
        if (retries >= 3) {
            s.put("status", "cancelled");
            s.putNull("next_payment_attempt_at");
            records.emitSubscription(data, "subscription.cancel", su);
        } else {
            s.put("status", "past_due");
            s.put(
                    "next_payment_attempt_at",
                    Times.format(Instant.now().plusSeconds(retries == 1 ? 3 * 86400 : 2 * 86400)));
            if (retries == 1) {
                records.emitSubscription(data, "subscription.past_due", su);
            }
        }
        return pa;
    }

    /** Pauses ({@code subscription.paused}). */
    public ObjectNode pause(AccountData data, JsonResource su) {
        requireStatus(su, "active", "past_due");
        return changeStatus(data, su, "paused", "subscription.paused");
    }

    /** Resumes a paused subscription ({@code subscription.unpause}). */
    public ObjectNode unpause(AccountData data, JsonResource su) {
        requireStatus(su, "paused");
        su.node().putNull("resumes_on");
        return changeStatus(data, su, "active", "subscription.unpause");
    }

    /** Cancels ({@code subscription.cancel}); cancelling twice is a no-op. */
    public ObjectNode cancel(AccountData data, JsonResource su) {
        if ("cancelled".equals(su.node().path("status").asText())) {
            return su.node();
        }
        return changeStatus(data, su, "cancelled", "subscription.cancel");
    }

    /** Changes the card of a subscription; a past_due one is charged again at once. */
    public ObjectNode changePaymentMethod(AccountData data, JsonResource su, ObjectNode pm) {
        su.node().set("default_payment_method", pm.deepCopy());
        Views.touch(su.node());
        if ("past_due".equals(su.node().path("status").asText())) {
            renew(data, su);
        }
        return su.node();
    }

    private ObjectNode changeStatus(AccountData data, JsonResource su, String status, String eventType) {
        su.node().put("status", status);
        Views.touch(su.node());
        records.emitSubscription(data, eventType, su);
        return su.node();
    }

    private static void requireStatus(JsonResource su, String... allowed) {
        String status = su.node().path("status").asText();
        for (String a : allowed) {
            if (a.equals(status)) {
                return;
            }
        }
        throw new IllegalStateException(
                "Subscription " + su.id() + " is " + status + "; expected one of " + String.join(", ", allowed));
    }

    private ObjectNode subscriptionCharge(AccountData data, JsonResource su, String status, String failure, long now) {
        ObjectNode s = su.node();
        Checkout c = data.checkouts.get(s.path("checkout").path("id").asText());
        JsonResource user = data.users.get(s.path("subscriber").path("id").asText());
        PaymentOptions o = new PaymentOptions(
                null,
                s.path("tax_id").asText(null),
                s.path("tax_name").asText(null),
                null,
                null,
                s.path("subscriber").path("phone_number").asText(null),
                null);
        ObjectNode pm = s.get("default_payment_method") instanceof ObjectNode p ? p : null;
        ObjectNode pa = records.newPaymentIntent(
                data,
                c,
                user,
                s.path("amount_in_cents").asLong(),
                s.path("currency").asText(),
                status,
                failure,
                "Subscription",
                su.id(),
                o,
                "succeeded".equals(status) ? pm : null,
                now);
        ObjectNode in = records.newUnifiedIntent(data, "payment", status, status, pa, c, user, o.taxId(), now);
        records.emitPaymentIntent(data, "payment_intent." + status, pa, c);
        records.emitUnified(data, "intent." + status, in, c);
        return pa;
    }
}
