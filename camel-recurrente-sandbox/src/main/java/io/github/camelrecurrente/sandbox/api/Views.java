package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Checkout;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

/** Renders stored resources in the documented response shapes. */
public final class Views {

    /** API version stamped on payment intents and webhook payloads. */
    public static final String API_VERSION = "2024-04-24";
    /** {@code latest_intent.type} of a card payment intent, the only type the documentation shows. */
    public static final String PAYMENT_INTENT = "PaymentIntent";
    /** Public checkout URL prefix (as the real API answers). */
    public static final String CHECKOUT_URL = "https://app.recurrente.com/checkout-session/";

    private Views() {}

    /** The checkout as {@code GET /checkouts/{id}} answers it (documented shapes; see {@link #checkout(Checkout, AccountData, boolean)}). */
    public static ObjectNode checkout(Checkout c, AccountData data) {
        return checkout(c, data, false);
    }

    /**
     * The checkout as {@code GET /checkouts/{id}} answers it; with {@code extended} the latest intent of every kind is
     * shown (also {@code BankTransferIntent} and {@code SetupIntent}, which no document shows).
     */
    public static ObjectNode checkout(Checkout c, AccountData data, boolean extended) {
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("status", c.effectiveStatus(Instant.now()));
        n.put("checkout_url", CHECKOUT_URL + c.id());
        n.set(
                "payment",
                payment(c.paymentId, c.paymentableType, c.paymentableId, c.taxName, c.taxId, c.address, c.phoneNumber));
        ObjectNode pm = c.paymentMethodId == null ? null : data.paymentMethods.get(c.paymentMethodId);
        n.set("payment_method", pm == null ? null : pm.deepCopy());
        n.set("transfer_setups", c.transferSetups == null ? Json.array() : c.transferSetups.deepCopy());
        n.set("metadata", c.metadata == null ? Json.object() : c.metadata.deepCopy());
        n.put("expires_at", c.expiresAt == null ? null : Times.format(c.expiresAt));
        n.put("success_url", c.successUrl);
        n.put("cancel_url", c.cancelUrl);
        n.put("created_at", Times.formatMicros(c.createdMicros()));
        n.put("updated_at", Times.formatMicros(c.updatedMicros));
        n.put("total_in_cents", c.totalInCents);
        n.put("currency", c.currency);
        n.put("live_mode", data.account().liveMode());
        if (c.latestIntentId == null || !PAYMENT_INTENT.equals(c.latestIntentType) && !extended) {
            // the documented latest_intent is a card payment intent (type PaymentIntent); no document shows the
            // latest intent of a bank transfer or of a card that is only saved, so those show none
            n.putNull("latest_intent");
        } else {
            ObjectNode li = n.putObject("latest_intent");
            li.put("id", c.latestIntentId);
            li.put("created_at", Times.formatMicros(c.latestIntentMicros));
            li.put("type", c.latestIntentType);
            li.putObject("data").put("auth_code", c.latestAuthCode);
        }
        n.put("user_id", c.userId);
        n.put("customer_id", c.customerId);
        n.put("custom_account_id", c.customAccountId);
        n.put("mode", c.mode);
        return n;
    }

    /** The compact checkout object embedded in webhook payloads. */
    public static ObjectNode checkoutForEvent(Checkout c, AccountData data, boolean extended) {
        ObjectNode full = checkout(c, data, extended);
        ObjectNode n = Json.object();
        for (String f : new String[] {
            "id",
            "status",
            "payment",
            "payment_method",
            "transfer_setups",
            "metadata",
            "live_mode",
            "latest_intent",
            "custom_account_id"
        }) {
            n.set(f, full.get(f));
        }
        return n;
    }

    /** {@code {"id": pa_, "paymentable": {...}}} or JSON null when there is no payment. */
    public static JsonNode payment(
            String paymentId,
            String type,
            String paymentableId,
            String taxName,
            String taxId,
            ObjectNode address,
            String phoneNumber) {
        if (paymentId == null) {
            return Json.MAPPER.nullNode();
        }
        ObjectNode p = Json.object();
        p.put("id", paymentId);
        ObjectNode pb = p.putObject("paymentable");
        pb.put("type", type);
        pb.put("id", paymentableId);
        pb.put("tax_name", taxName);
        pb.put("tax_id", taxId);
        pb.set("address", address == null ? null : address.deepCopy());
        pb.put("phone_number", phoneNumber);
        return p;
    }

    /** A card payment method {@code pay_m_...}. */
    public static ObjectNode cardPaymentMethod(String id, String last4) {
        ObjectNode pm = Json.object();
        pm.put("id", id);
        pm.put("type", "card");
        ObjectNode card = pm.putObject("card");
        card.put("last4", last4);
        card.put("network", last4.startsWith("5") ? "mastercard" : "visa");
        card.put("expiration_month", 12);
        card.put("expiration_year", java.time.Year.now().getValue() + 3);
        card.put("issuer_name", "Banco de Pruebas");
        return pm;
    }

    /** A bank transfer receiver payment method. */
    public static ObjectNode bankTransferPaymentMethod(String id) {
        ObjectNode pm = Json.object();
        pm.put("id", id);
        pm.put("type", "bank_transfer_receiver");
        pm.putObject("bank_transfer_receiver");
        return pm;
    }

    /** {@code {"id", "email", "full_name"}} of a user. */
    public static ObjectNode customerRef(JsonResource user) {
        ObjectNode c = Json.object();
        if (user == null) {
            return c;
        }
        c.put("id", user.id());
        c.put("email", user.node().path("email").asText(null));
        c.put("full_name", user.node().path("full_name").asText(null));
        return c;
    }

    /** {@code {"id": id}}. */
    public static ObjectNode ref(String id) {
        ObjectNode n = Json.object();
        n.put("id", id);
        return n;
    }

    /** Slug for storefront links. */
    public static String slug(String text) {
        String s = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "cuenta" : s;
    }

    /** Sets {@code created_at}/{@code updated_at} from micros. */
    public static void stamp(ObjectNode n, long createdMicros) {
        n.put("created_at", Times.formatMicros(createdMicros));
        n.put("updated_at", Times.formatMicros(createdMicros));
    }

    /** Bumps {@code updated_at} to now. */
    public static void touch(ObjectNode n) {
        n.put("updated_at", Times.format(Instant.now()));
    }
}
