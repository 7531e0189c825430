package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.Times;

/** Builds webhook payloads in the documented flat shapes (no {@code data} wrapper). */
final class EventPayloads {

    private EventPayloads() {}

    /** {@code payment_intent.*} from a stored payment intent and the checkout as embedded in events. */
    static ObjectNode paymentIntent(
            WireFormat wire, String eventType, ObjectNode pa, ObjectNode checkout, String customAccountId) {
        ObjectNode n = Json.object();
        n.put("id", pa.path("id").asText());
        n.put("event_type", eventType);
        n.put("api_version", Views.API_VERSION);
        Set<String> checkoutFields = "payment_intent.failed".equals(eventType)
                ? WireFormat.FAILED_EVENT_CHECKOUT
                : WireFormat.EVENT_CHECKOUT;
        n.set("checkout", checkout == null ? Json.MAPPER.nullNode() : wire.shape(checkout, checkoutFields));
        n.put("created_at", pa.path("created_at").asText());
        n.set("failure_reason", pa.get("failure_reason"));
        n.set("amount_in_cents", pa.get("amount_in_cents"));
        n.set("currency", pa.get("currency"));
        n.set("fee", pa.get("fee"));
        n.set("vat_withheld", pa.get("vat_withheld"));
        n.set("vat_withheld_currency", pa.get("vat_withheld_currency"));
        n.set("customer", pa.get("customer"));
        n.set("customer_id", pa.get("customer_id"));
        n.set("user_id", pa.get("customer_id"));
        n.set("payment", pa.get("payment"));
        n.set("product", pa.get("product"));
        n.set("products", wire.products(pa.get("products")));
        ObjectNode invoice = n.putObject("invoice");
        invoice.put("id", pa.path("invoice_id").asText(null));
        invoice.set("tax_invoice_url", pa.get("tax_invoice_url"));
        n.set("tax_invoice_url", pa.get("tax_invoice_url"));
        n.set("metadata", checkout == null ? Json.object() : checkout.path("metadata"));
        n.put(
                "used_presaved_payment_method",
                pa.path("used_presaved_payment_method").asBoolean(false));
        connected(n, customAccountId);
        return wire.shape(n, WireFormat.PAYMENT_INTENT_EVENT);
    }

    /** {@code bank_transfer_intent.*} from a stored bank transfer intent. */
    static ObjectNode bankTransfer(
            WireFormat wire, String eventType, ObjectNode ba, ObjectNode checkout, String customAccountId) {
        ObjectNode n = Json.object();
        n.put("id", ba.path("id").asText());
        n.put("event_type", eventType);
        n.put("api_version", Views.API_VERSION);
        n.put("created_at", ba.path("created_at").asText());
        n.set("customer_id", ba.get("customer_id"));
        n.set("customer", Views.ref(ba.path("customer_id").asText()));
        n.set("amount_in_cents", ba.get("amount_in_cents"));
        n.set("currency", ba.get("currency"));
        n.set("product", ba.get("product"));
        n.set("checkout", wire.shape(checkout, WireFormat.BANK_TRANSFER_EVENT_CHECKOUT));
        n.set("payment", ba.get("payment"));
        n.set("bank_reference", ba.get("bank_reference"));
        n.set("sender_comment", ba.get("sender_comment"));
        n.set("tax_invoice_url", ba.get("tax_invoice_url"));
        connected(n, customAccountId);
        return wire.shape(n, WireFormat.BANK_TRANSFER_EVENT);
    }

    /**
     * {@code subscription.*}; {@code checkout} carries the checkout's {@code metadata} (the official WooCommerce plugin
     * finds its order there), {@code null} when the checkout is unknown.
     */
    static ObjectNode subscription(
            WireFormat wire,
            String eventType,
            ObjectNode su,
            JsonNode product,
            ObjectNode checkout,
            String customAccountId) {
        ObjectNode n = Json.object();
        n.put("api_version", Views.API_VERSION);
        n.put("created_at", Times.format(Instant.now()));
        JsonNode sub = su.path("subscriber");
        n.put("customer_email", sub.path("email").asText(null));
        n.put("customer_id", sub.path("id").asText(null));
        n.put("customer_name", sub.path("full_name").asText(null));
        n.put("event_type", eventType);
        n.put("id", su.path("id").asText());
        ObjectNode payment = n.putObject("payment");
        payment.put("id", su.path("latest_payment_id").asText(null));
        ObjectNode pb = payment.putObject("paymentable");
        pb.putNull("address");
        pb.put("id", su.path("id").asText());
        pb.set("phone_number", su.path("subscriber").get("phone_number"));
        pb.set("tax_id", su.get("tax_id"));
        pb.set("tax_name", su.get("tax_name"));
        pb.put("type", "Subscription");
        n.set("product", product != null && product.isObject() ? wire.eventProduct(product) : product);
        n.set("checkout", checkout == null ? Json.MAPPER.nullNode() : checkout);
        n.put("status", su.path("status").asText());
        connected(n, customAccountId);
        return wire.shape(n, WireFormat.SUBSCRIPTION_EVENT);
    }

    /**
     * {@code setup_intent.succeeded}. Of a trial subscription: the docs sample (with its {@code suscription} typo).
     * Of a card update (no subscription): the update-subscription-card guide's shape ({@code id}, {@code status},
     * {@code type}, {@code payment_method}) in the docs sample's envelope ({@code event_type}, {@code api_version},
     * {@code created_at}).
     */
    static ObjectNode setupIntent(
            WireFormat wire,
            String id,
            String subscriptionId,
            ObjectNode paymentMethod,
            ObjectNode checkout,
            String customAccountId) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("api_version", Views.API_VERSION);
        n.put("created_at", Times.format(Instant.now()));
        n.put("event_type", "setup_intent.succeeded");
        n.put("status", "succeeded");
        if (subscriptionId == null) {
            n.put("type", "setup_intent.succeeded");
        }
        n.set("suscription", subscriptionId == null ? Json.MAPPER.nullNode() : Views.ref(subscriptionId));
        n.set("payment_method", paymentMethod);
        n.set("checkout", checkout);
        connected(n, customAccountId);
        return wire.shape(n, subscriptionId == null ? WireFormat.CARD_SETUP_EVENT : WireFormat.SETUP_INTENT_EVENT);
    }

    /** {@code setup_intent.cancelled}: the docs sample (a card that could not be tokenised). */
    static ObjectNode setupCancelled(WireFormat wire, String customAccountId) {
        ObjectNode n = Json.object();
        n.put("api_version", Views.API_VERSION);
        n.put("created_at", Times.format(Instant.now()));
        n.put("event_type", "setup_intent.cancelled");
        n.put("status", "cancelled");
        n.putNull("suscription");
        connected(n, customAccountId);
        return wire.shape(n, WireFormat.SETUP_INTENT_EVENT);
    }

    /**
     * {@code refund.create}: as thin as the evidence ({@code refund: {id}}, and the paid checkout with its
     * {@code metadata}), so consumers fetch the amounts with {@code GET /refunds/{id}}. With extended fields: the
     * whole refund, its payment intent, customer, amount and currency as well.
     */
    static ObjectNode refund(WireFormat wire, ObjectNode re, ObjectNode checkout) {
        ObjectNode n = Json.object();
        n.put("id", re.path("id").asText());
        n.put("event_type", "refund.create");
        n.put("api_version", Views.API_VERSION);
        n.put("created_at", re.path("created_at").asText());
        n.set(
                "refund",
                wire.extendedFields() ? re.deepCopy() : Views.ref(re.path("id").asText()));
        if (checkout != null) {
            n.set("checkout", checkout);
        }
        n.set("payment_intent", re.get("payment_intent"));
        n.set("customer", re.get("customer"));
        n.set("amount_in_cents", re.get("customer_refunded_amount_in_cents"));
        n.set("currency", re.get("currency"));
        return wire.shape(n, WireFormat.REFUND_EVENT);
    }

    /** Unified {@code intent.*}: the stored unified intent plus the envelope fields. */
    static ObjectNode unified(WireFormat wire, String eventType, ObjectNode in, String customAccountId) {
        ObjectNode n = Json.object();
        n.put("event_type", eventType);
        n.put("api_version", Views.API_VERSION);
        n.setAll(in.deepCopy());
        connected(n, customAccountId);
        return wire.unifiedIntent(n, WireFormat.UNIFIED_EVENT);
    }

    private static void connected(ObjectNode n, String customAccountId) {
        if (customAccountId != null) {
            n.put("connected", true);
            n.put("account_id", customAccountId);
        }
    }
}
