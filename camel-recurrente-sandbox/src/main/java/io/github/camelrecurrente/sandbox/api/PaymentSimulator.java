package io.github.camelrecurrente.sandbox.api;

import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Checkout;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Moves money the way a shopper or the billing engine would, updating checkouts, payment intents,
 * unified intents, subscriptions and refunds, and emitting the documented webhook events.
 * Callers hold the account lock. Simulation misuse (e.g. paying a paid checkout) throws
 * {@link IllegalStateException}.
 */
public final class PaymentSimulator {

    /** Failure reason used for declined cards (documented text). */
    public static final String DECLINED = "Tu banco ha rechazado la transacción. Llama a tu banco y pide que autoricen esta transacción.";

    private final EventSink sink;

    /** @param sink where events go */
    public PaymentSimulator(EventSink sink) {
        this.sink = sink;
    }

    /** Card fee: 4.5 % + Q2.00, rounded half up (matches the documented refund example). */
    static long fee(long amount) {
        return Math.round(amount * 0.045) + 200;
    }

    /** VAT withheld on card payments: 15 % of the 12 % IVA contained in the amount. */
    static long vatWithheld(long amount) {
        return amount * 18 / 1120;
    }

    // ---------------------------------------------------------------- checkouts

    /** Pays a checkout by card (success card or declined card). @return the payment intent */
    public ObjectNode payCheckout(AccountData data, Checkout c, PaymentOptions o) {
        requirePayable(c);
        JsonResource user = payer(data, c, o);
        long now = Times.micros(Instant.now());
        if (o.declined()) {
            ObjectNode pa = newPaymentIntent(data, c, user, c.totalInCents, c.currency, "failed", DECLINED,
                    c.recurring ? "Subscription" : "OneTimePayment", c.paymentableId, o, null, now);
            c.latestIntentId = pa.path("id").asText();
            c.latestIntentType = "PaymentIntent";
            c.latestIntentMicros = now;
            c.latestAuthCode = null;
            c.updatedMicros = now;
            ObjectNode in = newUnifiedIntent(data, "payment", "failed", "failed", pa, c, user, o.taxId(), now);
            c.unifiedIntentId = in.path("id").asText();
            emitPaymentIntent(data, "payment_intent.failed", pa, c);
            sink.emit(data, "intent.failed", EventPayloads.unified("intent.failed", in, c.customAccountId));
            return pa;
        }
        String pmId = Ids.next("pay_m_");
        ObjectNode pm = Views.cardPaymentMethod(pmId, o.last4());
        data.paymentMethods.put(pmId, pm);
        c.paymentMethodId = pmId;
        c.userId = c.userId == null ? user.id() : c.userId;
        payerDetails(c, o);
        c.updatedMicros = now;
        JsonNode item = c.items.get(0);
        if ("setup".equals(c.mode)) {
            c.status = "paid";
            String setupId = Ids.next("pa_");
            c.latestIntentId = setupId;
            c.latestIntentType = "SetupIntent";
            c.latestIntentMicros = now;
            sink.emit(data, "setup_intent.succeeded", EventPayloads.setupIntent(setupId, null, pm.deepCopy(),
                    Views.checkoutForEvent(c, data), c.customAccountId));
            return Views.ref(setupId).put("status", "succeeded");
        }
        JsonResource su = null;
        if (c.recurring) {
            su = newSubscription(data, c, user, pm, item, o, now);
            c.paymentableType = "Subscription";
            c.paymentableId = su.id();
            c.subscriptionId = su.id();
            if (item.path("free_trial_interval_count").asInt(0) > 0) {
                c.status = "paid";
                c.latestIntentId = Ids.next("pa_");
                c.latestIntentType = "SetupIntent";
                c.latestIntentMicros = now;
                sink.emit(data, "setup_intent.succeeded", EventPayloads.setupIntent(c.latestIntentId, su.id(),
                        pm.deepCopy(), Views.checkoutForEvent(c, data), c.customAccountId));
                emitSubscription(data, "subscription.create", su);
                return su.node().deepCopy();
            }
        } else {
            c.paymentableType = "OneTimePayment";
            c.paymentableId = Ids.next("on_");
        }
        ObjectNode pa = newPaymentIntent(data, c, user, c.totalInCents, c.currency, "succeeded", null,
                c.paymentableType, c.paymentableId, o, pm, now);
        c.status = "paid";
        c.paymentId = pa.path("id").asText();
        c.latestIntentId = c.paymentId;
        c.latestIntentType = "PaymentIntent";
        c.latestIntentMicros = now;
        c.latestAuthCode = pa.path("auth_code").asText();
        if (su != null) {
            su.node().put("latest_payment_id", c.paymentId);
        }
        ObjectNode in = newUnifiedIntent(data, "payment", "succeeded", "succeeded", pa, c, user, o.taxId(), now);
        c.unifiedIntentId = in.path("id").asText();
        emitPaymentIntent(data, "payment_intent.succeeded", pa, c);
        sink.emit(data, "intent.succeeded", EventPayloads.unified("intent.succeeded", in, c.customAccountId));
        if (su != null) {
            emitSubscription(data, "subscription.create", su);
        }
        return pa;
    }

    /** Starts a bank transfer: checkout {@code payment_in_progress}. @return the bank transfer intent */
    public ObjectNode startBankTransfer(AccountData data, Checkout c, PaymentOptions o) {
        requirePayable(c);
        if ("payment_in_progress".equals(c.status)) {
            throw new IllegalStateException("Checkout " + c.id() + " already has a bank transfer in progress");
        }
        JsonResource user = payer(data, c, o);
        long now = Times.micros(Instant.now());
        c.userId = c.userId == null ? user.id() : c.userId;
        payerDetails(c, o);
        c.paymentableType = c.recurring ? "Subscription" : "OneTimePayment";
        c.paymentableId = c.paymentableId == null ? Ids.next(c.recurring ? "su_" : "on_") : c.paymentableId;
        ObjectNode ba = newPaymentIntent(data, c, user, c.totalInCents, c.currency, "pending", null,
                c.paymentableType, c.paymentableId, o, null, now);
        // a bank transfer intent has its own ba_ id; its payment keeps a pa_ id
        String baId = Ids.next("ba_");
        data.paymentIntents.remove(ba.path("id").asText());
        ba.put("id", baId);
        ba.put("fee", 0);
        ba.put("vat_withheld", 0);
        ba.putNull("bank_reference");
        ba.putNull("sender_comment");
        ba.putNull("auth_code");
        data.paymentIntents.put(new JsonResource(baId, now, data.nextSeq(), ba));
        c.status = "payment_in_progress";
        c.paymentId = ba.path("payment").path("id").asText();
        c.latestIntentId = baId;
        c.latestIntentType = "BankTransferIntent";
        c.latestIntentMicros = now;
        c.latestAuthCode = null;
        c.updatedMicros = now;
        ObjectNode in = newUnifiedIntent(data, "bank_transfer", "pending", "pending", ba, c, user, o.taxId(), now);
        c.unifiedIntentId = in.path("id").asText();
        sink.emit(data, "bank_transfer_intent.pending",
                EventPayloads.bankTransfer("bank_transfer_intent.pending", ba, Views.checkoutForEvent(c, data), c.customAccountId));
        sink.emit(data, "intent.pending", EventPayloads.unified("intent.pending", in, c.customAccountId));
        return ba;
    }

    /** Completes the pending bank transfer of a checkout. @return the bank transfer intent */
    public ObjectNode finishBankTransfer(AccountData data, Checkout c, boolean success) {
        if (!"payment_in_progress".equals(c.status) || c.latestIntentId == null || !c.latestIntentId.startsWith("ba_")) {
            throw new IllegalStateException("Checkout " + c.id() + " has no bank transfer in progress (status "
                    + c.status + "); start one first");
        }
        JsonResource baRes = data.paymentIntents.get(c.latestIntentId);
        ObjectNode ba = baRes.node();
        long now = Times.micros(Instant.now());
        String status = success ? "succeeded" : "failed";
        ba.put("status", status);
        ba.put("updated_at", Times.formatMicros(now));
        c.updatedMicros = now;
        if (success) {
            long amount = ba.path("amount_in_cents").asLong();
            ba.put("fee", fee(amount));
            ba.put("bank_reference", "REF" + (100000 + data.paymentIntents.size()));
            ba.put("sender_comment", "Pago " + c.id());
            String pmId = Ids.next("pay_m_");
            ObjectNode pm = Views.bankTransferPaymentMethod(pmId);
            data.paymentMethods.put(pmId, pm);
            ba.set("payment_method", pm.deepCopy());
            c.paymentMethodId = pmId;
            c.status = "paid";
            JsonResource user = data.users.get(ba.path("customer_id").asText());
            if (c.recurring) {
                JsonNode item = c.items.get(0);
                JsonResource su = newSubscriptionWithId(data, c.paymentableId, c, user, pm, item,
                        new PaymentOptions(null, c.taxId, c.taxName, null, null, c.phoneNumber, null), now);
                su.node().put("latest_payment_id", c.paymentId);
                c.subscriptionId = su.id();
            }
        } else {
            ba.put("failure_reason", "No se recibieron los fondos de la transferencia bancaria.");
            c.status = "unpaid";
        }
        JsonResource in = data.intents.get(c.unifiedIntentId);
        if (in != null) {
            in.node().put("status", status);
            in.node().put("raw_status", status);
            in.node().put("updated_at", Times.formatMicros(now));
            ObjectNode details = (ObjectNode) in.node().get("details");
            details.set("bank_reference", ba.get("bank_reference"));
            details.set("sender_comment", ba.get("sender_comment"));
            details.set("failure_reason", ba.get("failure_reason"));
            in.node().set("checkout", unifiedCheckout(c, data));
            in.node().set("fee", ba.get("fee"));
        }
        String type = "bank_transfer_intent." + status;
        sink.emit(data, type, EventPayloads.bankTransfer(type, ba, Views.checkoutForEvent(c, data), c.customAccountId));
        if (in != null) {
            sink.emit(data, "intent." + status, EventPayloads.unified("intent." + status, in.node(), c.customAccountId));
        }
        if (success && c.subscriptionId != null) {
            emitSubscription(data, "subscription.create", data.subscriptions.get(c.subscriptionId));
        }
        return ba;
    }

    // ---------------------------------------------------------------- subscriptions

    /** Charges the next period of a subscription successfully. @return the payment intent */
    public ObjectNode renewSubscription(AccountData data, JsonResource su) {
        ObjectNode s = su.node();
        String status = s.path("status").asText();
        if (!"active".equals(status) && !"past_due".equals(status)) {
            throw new IllegalStateException("Subscription " + su.id() + " is " + status + "; only active or past_due ones renew");
        }
        long now = Times.micros(Instant.now());
        ObjectNode pa = subscriptionCharge(data, su, "succeeded", null, now);
        s.put("status", "active");
        s.put("payment_retries", 0);
        s.putNull("next_payment_attempt_at");
        ZonedDateTime start = ZonedDateTime.ofInstant(Times.parse(s.path("current_period_end").asText()), ZoneOffset.UTC);
        s.put("current_period_start", Times.format(start.toInstant()));
        s.put("current_period_end", Times.format(advance(start, s).toInstant()));
        s.put("latest_payment_id", pa.path("id").asText());
        s.put("updated_at", Times.formatMicros(now));
        int charged = s.path("periods_charged").asInt(0) + 1;
        s.put("periods_charged", charged);
        JsonNode limit = s.get("periods_before_automatic_cancellation");
        if (limit != null && limit.canConvertToInt() && limit.asInt() > 0 && charged >= limit.asInt()) {
            s.put("status", "cancelled");
            emitSubscription(data, "subscription.cancel", su);
        }
        return pa;
    }

    /**
     * Fails the charge of the current period: first failure {@code past_due} ({@code subscription.past_due}),
     * third failure {@code cancelled} ({@code subscription.cancel}).
     *
     * @return the failed payment intent
     */
    public ObjectNode failSubscriptionPayment(AccountData data, JsonResource su) {
        ObjectNode s = su.node();
        String status = s.path("status").asText();
        if (!"active".equals(status) && !"past_due".equals(status)) {
            throw new IllegalStateException("Subscription " + su.id() + " is " + status + "; only active or past_due ones are charged");
        }
        long now = Times.micros(Instant.now());
        ObjectNode pa = subscriptionCharge(data, su, "failed", DECLINED, now);
        int retries = s.path("payment_retries").asInt(0) + 1;
        s.put("payment_retries", retries);
        s.put("updated_at", Times.formatMicros(now));
        if (retries >= 3) {
            s.put("status", "cancelled");
            s.putNull("next_payment_attempt_at");
            emitSubscription(data, "subscription.cancel", su);
        } else {
            s.put("status", "past_due");
            s.put("next_payment_attempt_at", Times.format(Instant.now().plusSeconds(retries == 1 ? 3 * 86400 : 2 * 86400)));
            if (retries == 1) {
                emitSubscription(data, "subscription.past_due", su);
            }
        }
        return pa;
    }

    /** Pauses ({@code subscription.paused}). */
    public ObjectNode pauseSubscription(AccountData data, JsonResource su) {
        requireStatus(su, "active", "past_due");
        return changeStatus(data, su, "paused", "subscription.paused");
    }

    /** Resumes a paused subscription ({@code subscription.unpause}). */
    public ObjectNode unpauseSubscription(AccountData data, JsonResource su) {
        requireStatus(su, "paused");
        su.node().putNull("resumes_on");
        return changeStatus(data, su, "active", "subscription.unpause");
    }

    /** Cancels ({@code subscription.cancel}); cancelling twice is a no-op. */
    public ObjectNode cancelSubscription(AccountData data, JsonResource su) {
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
            renewSubscription(data, su);
        }
        return su.node();
    }

    private ObjectNode changeStatus(AccountData data, JsonResource su, String status, String eventType) {
        su.node().put("status", status);
        Views.touch(su.node());
        emitSubscription(data, eventType, su);
        return su.node();
    }

    private static void requireStatus(JsonResource su, String... allowed) {
        String status = su.node().path("status").asText();
        for (String a : allowed) {
            if (a.equals(status)) {
                return;
            }
        }
        throw new IllegalStateException("Subscription " + su.id() + " is " + status + "; expected one of "
                + String.join(", ", allowed));
    }

    private ObjectNode subscriptionCharge(AccountData data, JsonResource su, String status, String failure, long now) {
        ObjectNode s = su.node();
        Checkout c = data.checkouts.get(s.path("checkout").path("id").asText());
        JsonResource user = data.users.get(s.path("subscriber").path("id").asText());
        PaymentOptions o = new PaymentOptions(null, s.path("tax_id").asText(null), s.path("tax_name").asText(null), null,
                null, s.path("subscriber").path("phone_number").asText(null), null);
        ObjectNode pm = s.get("default_payment_method") instanceof ObjectNode p ? p : null;
        ObjectNode pa = newPaymentIntent(data, c, user, s.path("amount_in_cents").asLong(), s.path("currency").asText(),
                status, failure, "Subscription", su.id(), o, "succeeded".equals(status) ? pm : null, now);
        ObjectNode in = newUnifiedIntent(data, "payment", status, status, pa, c, user, o.taxId(), now);
        String custom = c == null ? null : c.customAccountId;
        emitPaymentIntent(data, "payment_intent." + status, pa, c);
        sink.emit(data, "intent." + status, EventPayloads.unified("intent." + status, in, custom));
        return pa;
    }

    private static ZonedDateTime advance(ZonedDateTime from, ObjectNode s) {
        int count = Math.max(1, s.path("billing_interval_count").asInt(1));
        return switch (s.path("billing_interval").asText("month")) {
            case "day" -> from.plusDays(count);
            case "week" -> from.plusWeeks(count);
            case "year" -> from.plusYears(count);
            default -> from.plusMonths(count);
        };
    }

    private JsonResource newSubscription(AccountData data, Checkout c, JsonResource user, ObjectNode pm, JsonNode item,
                                         PaymentOptions o, long now) {
        return newSubscriptionWithId(data, Ids.next("su_"), c, user, pm, item, o, now);
    }

    private JsonResource newSubscriptionWithId(AccountData data, String id, Checkout c, JsonResource user, ObjectNode pm,
                                               JsonNode item, PaymentOptions o, long now) {
        ObjectNode s = Json.object();
        s.put("id", id);
        s.put("description", item.path("name").asText("Suscripción"));
        s.put("status", "active");
        Views.stamp(s, now);
        ZonedDateTime start = ZonedDateTime.ofInstant(Times.ofMicros(now), ZoneOffset.UTC);
        s.put("billing_interval", item.path("billing_interval").asText("month"));
        s.put("billing_interval_count", Math.max(1, item.path("billing_interval_count").asInt(1)));
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
        s.put("amount_in_cents", item.path("amount_in_cents").asLong() * item.path("quantity").asInt(1));
        s.put("currency", c.currency);
        s.putNull("latest_payment_id");
        JsonResource su = new JsonResource(id, now, data.nextSeq(), s);
        data.subscriptions.put(su);
        return su;
    }

    // ---------------------------------------------------------------- one-time payments and refunds

    /** Charges a saved payment method ({@code POST /one_time_payments}). @return {@code {id: on_, status: paid}} */
    public ObjectNode chargePaymentMethod(AccountData data, ObjectNode pm, long amount, String currency, String productId,
                                          ArrayNode items) {
        long now = Times.micros(Instant.now());
        JsonResource user = null;
        for (JsonResource pa : data.paymentIntents.newestFirst()) {
            if (pm.path("id").asText().equals(pa.node().path("payment_method").path("id").asText(null))) {
                user = data.users.get(pa.node().path("customer_id").asText());
                break;
            }
        }
        String onId = Ids.next("on_");
        ObjectNode pa = newPaymentIntent(data, null, user, amount, currency, "succeeded", null, "OneTimePayment", onId,
                PaymentOptions.defaults(), pm, now);
        pa.set("product", Views.ref(productId));
        pa.put("used_presaved_payment_method", true);
        pa.set("items", items);
        ObjectNode in = newUnifiedIntent(data, "payment", "succeeded", "succeeded", pa, null, user, "CF", now);
        emitPaymentIntent(data, "payment_intent.succeeded", pa, null);
        sink.emit(data, "intent.succeeded", EventPayloads.unified("intent.succeeded", in, null));
        ObjectNode out = Json.object();
        out.put("id", onId);
        out.put("status", "paid");
        return out;
    }

    /** Refunds a succeeded payment intent fully or partially ({@code refund.create}). @return the refund */
    public ObjectNode refund(AccountData data, JsonResource paRes, Long amountInCents) {
        ObjectNode pa = paRes.node();
        if (!"succeeded".equals(pa.path("status").asText())) {
            throw ApiException.invalid("payment_intent_id", "solo se pueden reembolsar pagos exitosos (estado: "
                    + pa.path("status").asText() + ")");
        }
        long paid = pa.path("amount_in_cents").asLong();
        long already = pa.path("refunded_amount_in_cents").asLong(0);
        long amount = amountInCents == null ? paid - already : amountInCents;
        if (amount <= 0 || amount + already > paid) {
            throw ApiException.invalid("amount_in_cents", "debe estar entre 1 y " + (paid - already) + " (monto reembolsable)");
        }
        long now = Times.micros(Instant.now());
        ObjectNode re = Json.object();
        String id = Ids.next("re_");
        re.put("id", id);
        re.put("status", "succeeded");
        re.set("customer", pa.get("customer"));
        re.set("user_id", pa.get("customer_id"));
        long accountAmount = amount == paid ? paid - pa.path("fee").asLong() : amount;
        re.put("account_refunded_amount_in_cents", accountAmount);
        re.put("customer_refunded_amount_in_cents", amount);
        re.set("currency", pa.get("currency"));
        re.put("created_at", Times.formatMicros(now));
        re.set("payment_intent", Views.ref(paRes.id()));
        data.refunds.put(new JsonResource(id, now, data.nextSeq(), re));
        pa.put("refunded_amount_in_cents", already + amount);
        if (already + amount == paid) {
            pa.put("refunded", true);
        }
        sink.emit(data, "refund.create", EventPayloads.refund(re));
        return re;
    }

    // ---------------------------------------------------------------- building blocks

    private static void payerDetails(Checkout c, PaymentOptions o) {
        c.taxId = o.taxId();
        c.taxName = o.taxName();
        c.phoneNumber = o.phoneNumber();
        c.address = address(o);
    }

    private static ObjectNode address(PaymentOptions o) {
        if (o.address() == null) {
            return null;
        }
        ObjectNode a = Json.object();
        o.address().forEach(a::put);
        return a;
    }

    private static void requirePayable(Checkout c) {
        String status = c.effectiveStatus(Instant.now());
        if ("paid".equals(status)) {
            throw new IllegalStateException("Checkout " + c.id() + " is already paid");
        }
        if ("expired".equals(status)) {
            throw new IllegalStateException("Checkout " + c.id() + " has expired");
        }
    }

    private static JsonResource payer(AccountData data, Checkout c, PaymentOptions o) {
        if (c.userId != null && data.users.get(c.userId) != null) {
            return data.users.get(c.userId);
        }
        JsonResource u = data.userByEmail(o.email());
        if (u != null) {
            return u;
        }
        long now = Times.micros(Instant.now());
        String id = Ids.next("us_");
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("email", o.email());
        n.put("full_name", o.fullName());
        Views.stamp(n, now);
        u = new JsonResource(id, now, data.nextSeq(), n);
        data.users.put(u);
        return u;
    }

    private ObjectNode newPaymentIntent(AccountData data, Checkout c, JsonResource user, long amount, String currency,
                                        String status, String failure, String paymentableType, String paymentableId,
                                        PaymentOptions o, ObjectNode pm, long now) {
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
        pa.set("payment", Views.payment(id, paymentableType, paymentableId, o.taxName(), o.taxId(), address(o),
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

    private static ObjectNode unifiedCheckout(Checkout c, AccountData data) {
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

    private ObjectNode newUnifiedIntent(AccountData data, String type, String status, String rawStatus, ObjectNode legacy,
                                        Checkout c, JsonResource user, String nit, long now) {
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

    private void emitPaymentIntent(AccountData data, String type, ObjectNode pa, Checkout c) {
        ObjectNode checkout = c == null ? null : Views.checkoutForEvent(c, data);
        sink.emit(data, type, EventPayloads.paymentIntent(type, pa, checkout, c == null ? null : c.customAccountId));
    }

    private void emitSubscription(AccountData data, String type, JsonResource su) {
        Checkout c = data.checkouts.get(su.node().path("checkout").path("id").asText());
        sink.emit(data, type, EventPayloads.subscription(type, su.node(), productFor(data, c),
                c == null ? null : c.customAccountId));
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
        price.put("billing_interval_count", rec ? item.path("billing_interval_count").asInt(1) : 0);
        price.put("billing_interval", rec ? item.path("billing_interval").asText("month") : "");
        price.put("charge_type", rec ? "recurring" : "one_time");
        price.set("periods_before_automatic_cancellation", item.get("periods_before_automatic_cancellation"));
        price.put("free_trial_interval_count", item.path("free_trial_interval_count").asInt(0));
        price.put("free_trial_interval", item.path("free_trial_interval").asText(""));
        n.put("storefront_link", "https://app.recurrente.com/s/" + Views.slug(data.account().name()) + "/"
                + Views.slug(item.path("name").asText("producto")));
        n.set("metadata", item.has("metadata") ? item.get("metadata") : Json.object());
        return n;
    }
}
