package io.github.camelrecurrente.sandbox.api;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.Json;

/**
 * What the sandbox puts on the wire. The sandbox stores more than the API shows (timestamps, links between
 * objects); by default every answer and webhook payload is cut down to the fields the Recurrente documentation or
 * the best public evidence shows (the field sets below; the module README names the source of each). With
 * {@link #setExtendedFields(boolean) extended fields} on, the stored objects go out whole, as earlier sandbox
 * versions did (undocumented {@code created_at} on products, coupons and customers, {@code legacy_intent_id},
 * {@code auth_code}, top-level {@code metadata} on payment events, a thick {@code refund.create}, ...) and the
 * undocumented list filters and paging work: an explicit compatibility switch for tests and demos that still need
 * them, never the default.
 */
public final class WireFormat {

    /** GET/POST/PUT /products and the {@code products[]} of a payment intent (docs: create/list/update product). */
    static final Set<String> PRODUCT = Set.of(
            "id",
            "status",
            "name",
            "description",
            "success_url",
            "cancel_url",
            "custom_terms_and_conditions",
            "phone_requirement",
            "address_requirement",
            "billing_info_requirement",
            "prices",
            "storefront_link",
            "metadata");
    /** The product of subscription events: {@link #PRODUCT} plus {@code has_dynamic_pricing} (docs samples). */
    static final Set<String> EVENT_PRODUCT = union(PRODUCT, Set.of("has_dynamic_pricing"));
    /** /coupons (docs: create/get coupon). */
    static final Set<String> COUPON = Set.of(
            "id",
            "name",
            "amount_off_in_cents",
            "percent_off",
            "max_redemptions",
            "currency",
            "duration",
            "expires_at",
            "status");
    /** /customers (docs reference: customers). */
    static final Set<String> CUSTOMER = Set.of("id", "user_id", "email", "name", "phone", "address", "nit", "metadata");
    /** /subscriptions (docs: get subscription; notes: resumes_on, next_payment_attempt_at, ...). */
    static final Set<String> SUBSCRIPTION = Set.of(
            "id",
            "description",
            "status",
            "created_at",
            "updated_at",
            "current_period_start",
            "current_period_end",
            "tax_name",
            "tax_id",
            "resumes_on",
            "next_payment_attempt_at",
            "payment_retries",
            "default_payment_method",
            "subscriber",
            "checkout",
            "product");
    /** GET /checkouts (docs: get/list/update checkout; notes: live_mode). */
    static final Set<String> CHECKOUT = Set.of(
            "id",
            "status",
            "payment",
            "payment_method",
            "transfer_setups",
            "metadata",
            "expires_at",
            "success_url",
            "cancel_url",
            "created_at",
            "total_in_cents",
            "currency",
            "latest_intent",
            "live_mode");
    /** The checkout embedded in payment_intent.succeeded (docs sample; live_mode, latest_intent: live capture, notes). */
    static final Set<String> EVENT_CHECKOUT = Set.of(
            "id", "status", "payment", "payment_method", "transfer_setups", "metadata", "live_mode", "latest_intent");
    /** The checkout embedded in bank_transfer_intent.* (docs samples: no live_mode, no latest_intent). */
    static final Set<String> BANK_TRANSFER_EVENT_CHECKOUT =
            Set.of("id", "status", "payment", "payment_method", "transfer_setups", "metadata");
    /** The checkout embedded in payment_intent.failed (docs sample: its id only). */
    static final Set<String> FAILED_EVENT_CHECKOUT = Set.of("id");
    /** PATCH/PUT /payment_intents answer (docs: update a payment intent; receipt_number: notes). */
    static final Set<String> PAYMENT_INTENT = Set.of(
            "id",
            "checkout",
            "api_version",
            "created_at",
            "failure_reason",
            "customer_id",
            "amount_in_cents",
            "currency",
            "fee",
            "vat_withheld",
            "vat_withheld_currency",
            "product",
            "products",
            "customer",
            "payment",
            "tax_invoice_url",
            "receipt_number");
    /** Unified intents, GET /intents and intent.* (docs guide migrate-to-unified-webhooks, per the notes). */
    static final Set<String> UNIFIED_INTENT = Set.of(
            "type",
            "id",
            "status",
            "raw_status",
            "amount_in_cents",
            "currency",
            "customer",
            "product",
            "checkout",
            "payment",
            "details");
    /** {@code details} of a unified intent. */
    static final Set<String> UNIFIED_DETAILS = Set.of("failure_reason", "bank_reference", "sender_comment");
    /** /refunds (docs: create/get refund; user_id: notes). */
    static final Set<String> REFUND = Set.of(
            "id",
            "status",
            "customer",
            "user_id",
            "account_refunded_amount_in_cents",
            "customer_refunded_amount_in_cents",
            "currency",
            "created_at");
    /** POST /terminal_session_commands (docs guide terminal-sessions, per the notes). */
    static final Set<String> TERMINAL_COMMAND = Set.of(
            "id", "external_id", "status", "terminal_id", "amount_in_cents", "currency", "checkout_id", "checkout_url");
    /** payment_intent.* (docs samples; customer_id, products, used_presaved_payment_method, tax_invoice_url: live). */
    static final Set<String> PAYMENT_INTENT_EVENT = Set.of(
            "id",
            "event_type",
            "api_version",
            "checkout",
            "created_at",
            "failure_reason",
            "amount_in_cents",
            "currency",
            "fee",
            "vat_withheld",
            "vat_withheld_currency",
            "customer",
            "customer_id",
            "payment",
            "product",
            "products",
            "invoice",
            "tax_invoice_url",
            "used_presaved_payment_method",
            "connected",
            "account_id");
    /** bank_transfer_intent.* (docs samples; bank_reference, sender_comment: notes). */
    static final Set<String> BANK_TRANSFER_EVENT = Set.of(
            "id",
            "event_type",
            "api_version",
            "created_at",
            "customer_id",
            "customer",
            "amount_in_cents",
            "currency",
            "product",
            "checkout",
            "payment",
            "bank_reference",
            "sender_comment",
            "tax_invoice_url",
            "connected",
            "account_id");
    /** subscription.* (docs samples; checkout with metadata: the official plugin reads it). */
    static final Set<String> SUBSCRIPTION_EVENT = Set.of(
            "api_version",
            "created_at",
            "customer_email",
            "customer_id",
            "customer_name",
            "event_type",
            "id",
            "payment",
            "product",
            "checkout",
            "connected",
            "account_id");
    /** setup_intent.succeeded of a trial subscription (docs sample, with its {@code suscription} typo). */
    static final Set<String> SETUP_INTENT_EVENT =
            Set.of("api_version", "created_at", "event_type", "status", "suscription", "connected", "account_id");
    /** setup_intent.succeeded of a card update (update-subscription-card guide, plus the docs sample envelope). */
    static final Set<String> CARD_SETUP_EVENT = Set.of(
            "id",
            "api_version",
            "created_at",
            "event_type",
            "type",
            "status",
            "payment_method",
            "connected",
            "account_id");
    /** refund.create: only what the evidence shows ({@code refund.id}; {@code checkout.metadata}: official plugin). */
    static final Set<String> REFUND_EVENT = Set.of("event_type", "refund", "checkout");
    /** unified intent.* events: the intent plus the envelope. */
    static final Set<String> UNIFIED_EVENT =
            union(UNIFIED_INTENT, Set.of("event_type", "api_version", "connected", "account_id"));

    private volatile boolean extendedFields;

    /** @param extendedFields whether stored objects go out whole (compatibility) instead of documented shapes */
    public WireFormat(boolean extendedFields) {
        this.extendedFields = extendedFields;
    }

    /** @return whether the undocumented extras are on the wire (and undocumented filters and paging work) */
    public boolean extendedFields() {
        return extendedFields;
    }

    /** Switches the undocumented extras on or off. */
    public void setExtendedFields(boolean on) {
        this.extendedFields = on;
    }

    /** @return a copy of a stored object as the wire shows it: whole when extended, else only {@code documented} */
    ObjectNode render(JsonNode stored, Set<String> documented) {
        ObjectNode copy = (ObjectNode) stored.deepCopy();
        return extendedFields ? copy : only(copy, documented);
    }

    /** @return a freshly built (unshared) object cut down in place (whole when extended, else {@code documented}) */
    ObjectNode shape(ObjectNode fresh, Set<String> documented) {
        return extendedFields ? fresh : only(fresh, documented);
    }

    /** @return a product as the wire shows it (also inside payment intents and subscription events) */
    ObjectNode product(JsonNode stored) {
        return render(stored, PRODUCT);
    }

    /** @return the product of a subscription event */
    ObjectNode eventProduct(JsonNode stored) {
        return render(stored, EVENT_PRODUCT);
    }

    /** @return products rendered one by one ({@code products[]} of payment intents) */
    JsonNode products(JsonNode stored) {
        if (stored == null || !stored.isArray() || extendedFields) {
            return stored == null ? null : stored.deepCopy();
        }
        ArrayNode out = Json.array();
        for (JsonNode p : stored) {
            out.add(p.isObject() ? product(p) : p.deepCopy());
        }
        return out;
    }

    /** @return a unified intent as the wire shows it ({@code details} cut down as well) */
    ObjectNode unifiedIntent(JsonNode stored, Set<String> documented) {
        ObjectNode n = render(stored, documented);
        if (!extendedFields && n.get("details") instanceof ObjectNode details) {
            n.set("details", only(details, UNIFIED_DETAILS));
        }
        return n;
    }

    /** Removes every field of {@code n} not in {@code fields}. @return {@code n} */
    static ObjectNode only(ObjectNode n, Set<String> fields) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            if (!fields.contains(it.next().getKey())) {
                it.remove();
            }
        }
        return n;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @Override
    public String toString() {
        return "WireFormat[" + (extendedFields ? "extended fields" : "documented") + "]";
    }
}
