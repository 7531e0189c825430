package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Checkout;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

/**
 * Building blocks shared by the simulations: payer users, payment intents ({@code pa_}), unified intents
 * ({@code in_}), subscriptions ({@code su_}), fees, and the emission of payment and subscription events.
 * Callers hold the account lock.
 */
final class PaymentRecords {

    private final EventSink sink;
    private final WireFormat wire;

    PaymentRecords(EventSink sink, WireFormat wire) {
        this.sink = sink;
        this.wire = wire;
    }

    /** @return what goes on the wire */
    WireFormat wire() {
        return wire;
    }

    /** @return where events go */
    EventSink sink() {
        return sink;
    }

    /** Card fee: 4.5 % + Q2.00, rounded half up (matches the documented refund example). */
    static long fee(long amount) {
        return Math.round(amount * 0.045) + 200;
    }

    /** VAT withheld on card payments: 15 % of the 12 % IVA contained in the amount. */
    static long vatWithheld(long amount) {
        return amount * 18 / 1120;
    }

    static JsonResource payer(AccountData data, Checkout c, PaymentOptions o) {
        if (c.userId != null && data.users.get(c.userId) != null) {
            return data.users.get(c.userId);
        }
        return PeopleEndpoints.findOrCreateUser(data, o.email(), o.fullName());
    }

    static ObjectNode address(PaymentOptions o) {
        if (o.address() == null) {
            return null;
        }
        ObjectNode a = Json.object();
        o.address().forEach(a::put);
        return a;
    }

    ObjectNode newPaymentIntent(
            AccountData data,
            Checkout c,
            JsonResource user,
            long amount,
            String currency,
            String status,
            String failure,
            String paymentableType,
            String paymentableId,
            PaymentOptions o,
            ObjectNode pm,
            long now) {
        boolean ok = "succeeded".equals(status);
        String id = Ids.next("pa_");
        ObjectNode pa = Json.object();
        pa.put("id", id);
        pa.put("status", status);
        pa.set("checkout", c == null ? Json.MAPPER.nullNode() : Views.ref(c.id()));
        pa.put("api_version", Views.API_VERSION);
        Views.stamp(pa, now);
        pa.put("failure_reason", failure);
        pa.put("customer_id", user == null ? null : user.id());
        pa.put("amount_in_cents", amount);
        pa.put("currency", currency);
        pa.put("fee", ok ? fee(amount) : 0);
        pa.put("vat_withheld", ok ? vatWithheld(amount) : 0);
        pa.put("vat_withheld_currency", currency);
        String productId = c == null ? null : c.productId;
        pa.set("product", Views.ref(productId));
        ArrayNode products = pa.putArray("products");
        JsonResource prod = data.products.get(productId);
        if (prod != null) {
            products.add(prod.node().deepCopy());
        }
        pa.set("customer", Views.customerRef(user));
        // the payment is an object of its own, never the payment intent's id: the documented examples show
        // checkout.payment.id pa_laybj3zw in the payment_intent.succeeded of pa_id123, and payment.id pa_ttfeprgn next
        // to latest_intent.id pa_123 in "Get all checkouts"
        pa.set(
                "payment",
                Views.payment(
                        Ids.next("pa_"),
                        paymentableType,
                        paymentableId,
                        o.taxName(),
                        o.taxId(),
                        address(o),
                        o.phoneNumber()));
        pa.set("payment_method", pm == null ? null : pm.deepCopy());
        pa.put("receipt_number", ok ? String.format("%08d", data.paymentIntents.size() + 1) : null);
        pa.put("auth_code", ok ? String.format("%06d", (id.hashCode() & 0x7fffffff) % 1_000_000) : null);
        pa.put("invoice_id", ok ? Ids.next("inv_") : null);
        pa.putNull("tax_invoice_url");
        pa.put("used_presaved_payment_method", false);
        data.paymentIntents.put(new JsonResource(id, now, data.nextSeq(), pa));
        return pa;
    }

    /** Whether a stored intent is a bank transfer ({@code ba_...}), which shares the table of payment intents. */
    static boolean isBankTransfer(JsonResource intent) {
        return intent.id().startsWith("ba_");
    }

    static ObjectNode unifiedCheckout(Checkout c, AccountData data) {
        if (c == null) {
            return null;
        }
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("status", c.effectiveStatus(Instant.now()));
        n.set("metadata", c.metadata == null ? Json.object() : c.metadata.deepCopy());
        n.put("live_mode", data.account().liveMode());
        return n;
    }

    ObjectNode newUnifiedIntent(
            AccountData data,
            String type,
            String status,
            String rawStatus,
            ObjectNode legacy,
            Checkout c,
            JsonResource user,
            String nit,
            long now) {
        String id = Ids.next("in_");
        ObjectNode in = Json.object();
        in.put("id", id);
        in.put("type", type);
        in.put("status", status);
        in.put("raw_status", rawStatus);
        in.set("amount_in_cents", legacy.get("amount_in_cents"));
        in.set("currency", legacy.get("currency"));
        in.set("fee", legacy.get("fee"));
        in.set("vat_withheld", legacy.get("vat_withheld"));
        ObjectNode cust = in.putObject("customer");
        cust.put("id", user == null ? null : user.id());
        cust.put("email", user == null ? null : user.node().path("email").asText(null));
        cust.put("nit", nit);
        in.set("product", legacy.get("product"));
        in.set("checkout", unifiedCheckout(c, data));
        in.set("payment", legacy.get("payment"));
        in.set("payment_method", legacy.get("payment_method"));
        ObjectNode details = in.putObject("details");
        details.set("failure_reason", legacy.get("failure_reason"));
        details.set("auth_code", legacy.get("auth_code"));
        details.putNull("bank_reference");
        details.putNull("sender_comment");
        in.put("legacy_intent_id", legacy.path("id").asText());
        in.put("live_mode", data.account().liveMode());
        Views.stamp(in, now);
        data.intents.put(new JsonResource(id, now, data.nextSeq(), in));
        legacy.put("intent_id", id);
        return in;
    }

    void emitPaymentIntent(AccountData data, String type, ObjectNode pa, Checkout c) {
        ObjectNode checkout = c == null ? null : Views.checkoutForEvent(c, data, wire.extendedFields());
        sink.emit(
                data,
                type,
                EventPayloads.paymentIntent(wire, type, pa, checkout, c == null ? null : c.customAccountId));
    }

    /** {@code setup_intent.succeeded}: the card of a checkout saved, for a subscription's trial or a card update. */
    void emitSetupIntentSucceeded(
            AccountData data, Checkout c, String setupIntentId, String subscriptionId, ObjectNode paymentMethod) {
        sink.emit(
                data,
                "setup_intent.succeeded",
                EventPayloads.setupIntent(
                        wire,
                        setupIntentId,
                        subscriptionId,
                        paymentMethod.deepCopy(),
                        Views.checkoutForEvent(c, data, wire.extendedFields()),
                        c.customAccountId));
    }

    void emitUnified(AccountData data, String type, ObjectNode in, Checkout c) {
        sink.emit(data, type, EventPayloads.unified(wire, type, in, c == null ? null : c.customAccountId));
    }

    void emitSubscription(AccountData data, String type, JsonResource su) {
        Checkout c = data.checkouts.get(su.node().path("checkout").path("id").asText());
        sink.emit(
                data,
                type,
                EventPayloads.subscription(
                        wire,
                        type,
                        su.node(),
                        productFor(data, c),
                        checkoutRef(c),
                        c == null ? null : c.customAccountId));
    }

    /** {@code {"id", "metadata"}} of a checkout, as subscription and refund events carry it; {@code null} if none. */
    static ObjectNode checkoutRef(Checkout c) {
        if (c == null) {
            return null;
        }
        ObjectNode n = Views.ref(c.id());
        n.set("metadata", c.metadata == null ? Json.object() : c.metadata.deepCopy());
        return n;
    }

    /** The product of a checkout: the stored product, or one synthesised from the inline item. */
    static JsonNode productFor(AccountData data, Checkout c) {
        if (c == null) {
            return Json.MAPPER.nullNode();
        }
        JsonResource p = data.products.get(c.productId);
        if (p != null) {
            return p.node().deepCopy();
        }
        JsonNode item = c.items.get(0);
        ObjectNode n = Json.object();
        n.put("id", c.productId);
        n.put("status", "active");
        n.put("name", item.path("name").asText(null));
        n.put("description", item.path("description").asText(null));
        n.put("success_url", c.successUrl);
        n.put("cancel_url", c.cancelUrl);
        n.set("custom_terms_and_conditions", item.get("custom_terms_and_conditions"));
        n.put("phone_requirement", "none");
        n.put("address_requirement", "none");
        n.put("billing_info_requirement", "optional");
        n.put("has_dynamic_pricing", item.path("has_dynamic_pricing").asBoolean(false));
        ArrayNode prices = n.putArray("prices");
        ObjectNode price = prices.addObject();
        price.put("id", item.path("price_id").asText(null));
        price.set("amount_in_cents", item.get("amount_in_cents"));
        price.put("currency", c.currency);
        boolean rec = "recurring".equals(item.path("charge_type").asText());
        price.put(
                "billing_interval_count",
                rec ? item.path("billing_interval_count").asInt(1) : 0);
        price.put("billing_interval", rec ? item.path("billing_interval").asText("month") : "");
        price.put("charge_type", rec ? "recurring" : "one_time");
        price.set("periods_before_automatic_cancellation", item.get("periods_before_automatic_cancellation"));
        price.put(
                "free_trial_interval_count",
                item.path("free_trial_interval_count").asInt(0));
        price.put("free_trial_interval", item.path("free_trial_interval").asText(""));
        n.put(
                "storefront_link",
                "https://app.recurrente.com/s/" + Views.slug(data.account().name()) + "/"
                        + Views.slug(item.path("name").asText("producto")));
        n.set("metadata", item.has("metadata") ? item.get("metadata") : Json.object());
        return n;
    }

    JsonResource newSubscription(
            AccountData data, Checkout c, JsonResource user, ObjectNode pm, JsonNode item, PaymentOptions o, long now) {
        return newSubscriptionWithId(data, Ids.next("su_"), c, user, pm, item, o, now);
    }

    JsonResource newSubscriptionWithId(
            AccountData data,
            String id,
            Checkout c,
            JsonResource user,
            ObjectNode pm,
            JsonNode item,
            PaymentOptions o,
            long now) {
        ObjectNode s = Json.object();
        s.put("id", id);
        s.put("description", item.path("name").asText("Suscripción"));
        s.put("status", "active");
        Views.stamp(s, now);
        ZonedDateTime start = ZonedDateTime.ofInstant(Times.ofMicros(now), ZoneOffset.UTC);
        s.put("billing_interval", item.path("billing_interval").asText("month"));
        s.put(
                "billing_interval_count",
                Math.max(1, item.path("billing_interval_count").asInt(1)));
        ZonedDateTime end = advance(start, s);
        int trial = item.path("free_trial_interval_count").asInt(0);
        if (trial > 0) {
            ObjectNode t = Json.object();
            t.put("billing_interval", item.path("free_trial_interval").asText("month"));
            t.put("billing_interval_count", trial);
            end = advance(start, t);
        }
        s.put("current_period_start", Times.format(start.toInstant()));
        s.put("current_period_end", Times.format(end.toInstant()));
        s.put("tax_name", o.taxName());
        s.put("tax_id", o.taxId());
        s.putNull("resumes_on");
        s.putNull("next_payment_attempt_at");
        s.put("payment_retries", 0);
        s.set("periods_before_automatic_cancellation", item.get("periods_before_automatic_cancellation"));
        s.put("periods_charged", trial > 0 ? 0 : 1);
        s.set("default_payment_method", pm == null ? null : pm.deepCopy());
        ObjectNode sub = s.putObject("subscriber");
        String fullName = user == null ? null : user.node().path("full_name").asText(null);
        sub.put("id", user == null ? null : user.id());
        String[] parts = fullName == null ? new String[] {null, null} : fullName.split(" ", 2);
        sub.put("first_name", parts[0]);
        sub.put("last_name", parts.length > 1 ? parts[1] : null);
        sub.put("full_name", fullName);
        sub.put("email", user == null ? null : user.node().path("email").asText(null));
        sub.put("phone_number", o.phoneNumber());
        s.set("checkout", Views.ref(c.id()));
        s.set("product", Views.ref(c.productId));
        s.put(
                "amount_in_cents",
                item.path("amount_in_cents").asLong() * item.path("quantity").asInt(1));
        s.put("currency", c.currency);
        s.putNull("latest_payment_id");
        JsonResource su = new JsonResource(id, now, data.nextSeq(), s);
        data.subscriptions.put(su);
        return su;
    }

    static ZonedDateTime advance(ZonedDateTime from, ObjectNode s) {
        int count = Math.max(1, s.path("billing_interval_count").asInt(1));
        return switch (s.path("billing_interval").asText("month")) {
            case "day" -> from.plusDays(count);
            case "week" -> from.plusWeeks(count);
            case "year" -> from.plusYears(count);
            default -> from.plusMonths(count);
        };
    }
}
