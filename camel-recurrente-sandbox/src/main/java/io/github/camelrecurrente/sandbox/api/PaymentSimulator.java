package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;

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
 * Moves money the way a shopper would: card payments and bank transfers of checkouts, one-time charges of saved
 * cards and refunds, updating checkouts, payment intents and unified intents and emitting the documented
 * webhook events. Subscription billing lives in {@link #subscriptions()}.
 * Callers hold the account lock. Simulation misuse (e.g. paying a paid checkout) throws
 * {@link IllegalStateException}.
 */
public final class PaymentSimulator {

    /** Failure reason used for declined cards (documented text). */
    public static final String DECLINED =
            "Tu banco ha rechazado la transacción. Llama a tu banco y pide que autoricen esta transacción.";

    private final PaymentRecords records;
    private final SubscriptionBilling subscriptions;

    /**
     * @param sink where events go
     * @param wire what goes on the wire
     */
    public PaymentSimulator(EventSink sink, WireFormat wire) {
        this.records = new PaymentRecords(sink, wire);
        this.subscriptions = new SubscriptionBilling(records);
    }

    /** @return the subscription billing engine */
    public SubscriptionBilling subscriptions() {
        return subscriptions;
    }

    /** Pays a checkout by card (success card or declined card). @return the payment intent */
    public ObjectNode payCheckout(AccountData data, Checkout c, PaymentOptions o) {
        requirePayable(c);
        JsonResource user = PaymentRecords.payer(data, c, o);
        long now = Times.micros(Instant.now());
        if (o.declined() && c.tokenizesOnly()) {
            // the card could not be tokenised: nothing is saved, the checkout stays open
            c.updatedMicros = now;
            records.sink()
                    .emit(
                            data,
                            "setup_intent.cancelled",
                            EventPayloads.setupCancelled(records.wire(), c.customAccountId));
            return Json.object().put("status", "cancelled");
        }
        if (o.declined()) {
            ObjectNode pa = records.newPaymentIntent(
                    data,
                    c,
                    user,
                    c.totalInCents,
                    c.currency,
                    "failed",
                    DECLINED,
                    c.recurring ? "Subscription" : "OneTimePayment",
                    c.paymentableId,
                    o,
                    null,
                    now);
            c.latestIntentId = pa.path("id").asText();
            c.latestIntentType = "PaymentIntent";
            c.latestIntentMicros = now;
            c.latestAuthCode = null;
            c.updatedMicros = now;
            ObjectNode in = records.newUnifiedIntent(data, "payment", "failed", "failed", pa, c, user, o.taxId(), now);
            c.unifiedIntentId = in.path("id").asText();
            records.emitPaymentIntent(data, "payment_intent.failed", pa, c);
            records.emitUnified(data, "intent.failed", in, c);
            return pa;
        }
        String pmId = Ids.next("pay_m_");
        ObjectNode pm = Views.cardPaymentMethod(pmId, o.last4());
        data.paymentMethods.put(pmId, pm);
        c.paymentMethodId = pmId;
        c.userId = c.userId == null ? user.id() : c.userId;
        payerDetails(c, o);
        c.updatedMicros = now;
        if (c.tokenizesOnly()) {
            // card update / tokenisation: the card is saved, nothing is charged
            c.status = "paid";
            String setupId = Ids.next("pa_");
            c.latestIntentId = setupId;
            c.latestIntentType = "SetupIntent";
            c.latestIntentMicros = now;
            c.latestAuthCode = null;
            records.emitSetupIntentSucceeded(data, c, setupId, null, pm);
            ObjectNode out = Views.ref(setupId).put("status", "succeeded");
            out.set("payment_method", pm.deepCopy());
            return out;
        }
        JsonNode item = c.items.get(0);
        JsonResource su = null;
        if (c.recurring) {
            su = records.newSubscription(data, c, user, pm, item, o, now);
            c.paymentableType = "Subscription";
            c.paymentableId = su.id();
            c.subscriptionId = su.id();
            if (item.path("free_trial_interval_count").asInt(0) > 0) {
                c.status = "paid";
                c.latestIntentId = Ids.next("pa_");
                c.latestIntentType = "SetupIntent";
                c.latestIntentMicros = now;
                records.emitSetupIntentSucceeded(data, c, c.latestIntentId, su.id(), pm);
                records.emitSubscription(data, "subscription.create", su);
                return su.node().deepCopy();
            }
        } else {
            c.paymentableType = "OneTimePayment";
            c.paymentableId = Ids.next("on_");
        }
        ObjectNode pa = records.newPaymentIntent(
                data,
                c,
                user,
                c.totalInCents,
                c.currency,
                "succeeded",
                null,
                c.paymentableType,
                c.paymentableId,
                o,
                pm,
                now);
        c.status = "paid";
        c.paymentId = pa.path("payment").path("id").asText();
        c.latestIntentId = pa.path("id").asText();
        c.latestIntentType = "PaymentIntent";
        c.latestIntentMicros = now;
        c.latestAuthCode = pa.path("auth_code").asText();
        if (su != null) {
            su.node().put("latest_payment_id", c.paymentId);
        }
        ObjectNode in =
                records.newUnifiedIntent(data, "payment", "succeeded", "succeeded", pa, c, user, o.taxId(), now);
        c.unifiedIntentId = in.path("id").asText();
        records.emitPaymentIntent(data, "payment_intent.succeeded", pa, c);
        records.emitUnified(data, "intent.succeeded", in, c);
        if (su != null) {
            records.emitSubscription(data, "subscription.create", su);
        }
        return pa;
    }

    /** Starts a bank transfer: checkout {@code payment_in_progress}. @return the bank transfer intent */
    public ObjectNode startBankTransfer(AccountData data, Checkout c, PaymentOptions o) {
        requirePayable(c);
        if (c.tokenizesOnly()) {
            throw new IllegalStateException(
                    "Checkout " + c.id() + " only saves a card (mode setup or an amount of 0);" + " pay it by card");
        }
        if ("payment_in_progress".equals(c.status)) {
            throw new IllegalStateException("Checkout " + c.id() + " already has a bank transfer in progress");
        }
        JsonResource user = PaymentRecords.payer(data, c, o);
        long now = Times.micros(Instant.now());
        c.userId = c.userId == null ? user.id() : c.userId;
        payerDetails(c, o);
        c.paymentableType = c.recurring ? "Subscription" : "OneTimePayment";
        c.paymentableId = c.paymentableId == null ? Ids.next(c.recurring ? "su_" : "on_") : c.paymentableId;
        ObjectNode ba = records.newPaymentIntent(
                data,
                c,
                user,
                c.totalInCents,
                c.currency,
                "pending",
                null,
                c.paymentableType,
                c.paymentableId,
                o,
                null,
                now);
        // a bank transfer intent has its own ba_ id; its payment keeps a pa_ id
        String baId = Ids.next("ba_");
        data.paymentIntents.remove(ba.path("id").asText());
        ba.put("id", baId);
        ba.putNull("fee");
        ba.putNull("vat_withheld");
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
        ObjectNode in =
                records.newUnifiedIntent(data, "bank_transfer", "pending", "pending", ba, c, user, o.taxId(), now);
        c.unifiedIntentId = in.path("id").asText();
        records.sink()
                .emit(
                        data,
                        "bank_transfer_intent.pending",
                        EventPayloads.bankTransfer(
                                records.wire(),
                                "bank_transfer_intent.pending",
                                ba,
                                Views.checkoutForEvent(c, data, records.wire().extendedFields()),
                                c.customAccountId));
        records.emitUnified(data, "intent.pending", in, c);
        return ba;
    }

    /** Completes the pending bank transfer of a checkout. @return the bank transfer intent */
    public ObjectNode finishBankTransfer(AccountData data, Checkout c, boolean success) {
        if (!"payment_in_progress".equals(c.status)
                || c.latestIntentId == null
                || !c.latestIntentId.startsWith("ba_")) {
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
            // no document shows the fee of a bank transfer: unknown (null), never the card fee
            ba.putNull("fee");
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
                JsonResource su = records.newSubscriptionWithId(
                        data,
                        c.paymentableId,
                        c,
                        user,
                        pm,
                        item,
                        new PaymentOptions(null, c.taxId, c.taxName, null, null, c.phoneNumber, null),
                        now);
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
            in.node().set("checkout", PaymentRecords.unifiedCheckout(c, data));
            in.node().set("fee", ba.get("fee"));
        }
        String type = "bank_transfer_intent." + status;
        records.sink()
                .emit(
                        data,
                        type,
                        EventPayloads.bankTransfer(
                                records.wire(),
                                type,
                                ba,
                                Views.checkoutForEvent(c, data, records.wire().extendedFields()),
                                c.customAccountId));
        if (in != null) {
            records.emitUnified(data, "intent." + status, in.node(), c);
        }
        if (success && c.subscriptionId != null) {
            records.emitSubscription(data, "subscription.create", data.subscriptions.get(c.subscriptionId));
        }
        return ba;
    }

    /** Charges a saved payment method ({@code POST /one_time_payments}). @return {@code {id: on_, status: paid}} */
    public ObjectNode chargePaymentMethod(
            AccountData data, ObjectNode pm, long amount, String currency, String productId, ArrayNode items) {
        long now = Times.micros(Instant.now());
        JsonResource user = null;
        for (JsonResource pa : data.paymentIntents.newestFirst()) {
            if (pm.path("id")
                    .asText()
                    .equals(pa.node().path("payment_method").path("id").asText(null))) {
                user = data.users.get(pa.node().path("customer_id").asText());
                break;
            }
        }
        String onId = Ids.next("on_");
        ObjectNode pa = records.newPaymentIntent(
                data,
                null,
                user,
                amount,
                currency,
                "succeeded",
                null,
                "OneTimePayment",
                onId,
                PaymentOptions.defaults(),
                pm,
                now);
        pa.set("product", Views.ref(productId));
        pa.put("used_presaved_payment_method", true);
        pa.set("items", items);
        ObjectNode in = records.newUnifiedIntent(data, "payment", "succeeded", "succeeded", pa, null, user, "CF", now);
        records.emitPaymentIntent(data, "payment_intent.succeeded", pa, null);
        records.emitUnified(data, "intent.succeeded", in, null);
        ObjectNode out = Json.object();
        out.put("id", onId);
        out.put("status", "paid");
        return out;
    }

    /** Refunds a succeeded payment intent fully or partially ({@code refund.create}). @return the refund */
    public ObjectNode refund(AccountData data, JsonResource paRes, Long amountInCents) {
        ObjectNode pa = paRes.node();
        if (PaymentRecords.isBankTransfer(paRes)) {
            throw ApiException.invalid(
                    "payment_intent_id",
                    "solo se pueden reembolsar pagos con tarjeta o balance; " + paRes.id()
                            + " es una transferencia bancaria");
        }
        if (!"succeeded".equals(pa.path("status").asText())) {
            throw ApiException.invalid(
                    "payment_intent_id",
                    "solo se pueden reembolsar pagos exitosos (estado: "
                            + pa.path("status").asText() + ")");
        }
        long paid = pa.path("amount_in_cents").asLong();
        long already = pa.path("refunded_amount_in_cents").asLong(0);
        long amount = amountInCents == null ? paid - already : amountInCents;
        if (amount <= 0 || amount + already > paid) {
            throw ApiException.invalid(
                    "amount_in_cents", "debe estar entre 1 y " + (paid - already) + " (monto reembolsable)");
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
        Checkout refunded = data.checkouts.get(pa.path("checkout").path("id").asText(null));
        records.sink()
                .emit(
                        data,
                        "refund.create",
                        EventPayloads.refund(records.wire(), re, PaymentRecords.checkoutRef(refunded)));
        return re;
    }

    private static void payerDetails(Checkout c, PaymentOptions o) {
        c.taxId = o.taxId();
        c.taxName = o.taxName();
        c.phoneNumber = o.phoneNumber();
        c.address = PaymentRecords.address(o);
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
}
