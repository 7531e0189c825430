package io.github.camelrecurrente.sandbox.api;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;

/** Validates and resolves the {@code items[]} of checkouts and one-time payments. */
final class Items {

    /**
     * Resolved items.
     *
     * @param items     normalised items
     * @param total     sum of amount x quantity
     * @param currency  common currency
     * @param productId product of the first item
     * @param recurring whether any item is recurring
     */
    record Resolved(ArrayNode items, long total, String currency, String productId, boolean recurring) {}

    private static final Set<String> CHARGE_TYPES = Set.of("one_time", "recurring");
    private static final Set<String> INTERVALS = Set.of("day", "week", "month", "year");

    private Items() {}

    /** No items: a {@code mode: "setup"} checkout that only saves a card. */
    static Resolved none() {
        return new Resolved(Json.array(), 0, "GTQ", null, false);
    }

    /**
     * Resolves the items of a checkout ({@code allowRecurring}; an inline {@code one_time} item of amount 0 is the
     * documented card-update item) or of a one-time payment (every amount at least the currency minimum).
     */
    static Resolved resolve(AccountData data, JsonNode itemsNode, boolean allowRecurring) {
        if (itemsNode == null || !itemsNode.isArray() || itemsNode.isEmpty()) {
            throw ApiException.invalid("items", "es requerido (al menos un item)");
        }
        ArrayNode out = Json.array();
        long total = 0;
        String currency = null;
        String productId = null;
        boolean recurring = false;
        for (JsonNode raw : itemsNode) {
            if (!raw.isObject()) {
                throw ApiException.invalid("items", "cada item debe ser un objeto");
            }
            ObjectNode item =
                    raw.has("product_id") || raw.has("price_id") ? fromCatalog(data, raw) : inline(raw, allowRecurring);
            if (currency != null && !currency.equals(item.path("currency").asText())) {
                throw ApiException.invalid("currency", "todos los items deben usar la misma moneda");
            }
            currency = item.path("currency").asText();
            if (productId == null) {
                productId = item.path("product_id").asText(null);
            }
            recurring |= "recurring".equals(item.path("charge_type").asText());
            total += item.path("amount_in_cents").asLong()
                    * item.path("quantity").asInt(1);
            out.add(item);
        }
        if (recurring && !allowRecurring) {
            throw ApiException.invalid("charge_type", "los pagos únicos no aceptan items recurrentes");
        }
        return new Resolved(out, total, currency, productId, recurring);
    }

    private static ObjectNode inline(JsonNode raw, boolean allowRecurring) {
        ObjectNode item = Json.object();
        String currency = Validation.currency(raw.get("currency"), "currency");
        item.put("name", raw.hasNonNull("name") ? raw.get("name").asText() : "Producto");
        if (raw.hasNonNull("description")) {
            item.put("description", raw.get("description").asText());
        }
        item.put("currency", currency);
        String chargeType = Validation.oneOf(raw.get("charge_type"), "charge_type", "one_time", CHARGE_TYPES);
        // a checkout may carry a one_time item of 0: the update-subscription-card guide's tokenisation checkout
        boolean zeroAllowed = allowRecurring && "one_time".equals(chargeType);
        item.put("amount_in_cents", Validation.amount(raw.get("amount_in_cents"), currency, zeroAllowed));
        item.put("quantity", Validation.quantity(raw.get("quantity")));
        if (raw.hasNonNull("image_url")) {
            item.put("image_url", raw.get("image_url").asText());
        }
        item.put("charge_type", chargeType);
        if ("recurring".equals(chargeType)) {
            item.put(
                    "billing_interval",
                    Validation.oneOf(raw.get("billing_interval"), "billing_interval", "month", INTERVALS));
            Long count = Validation.integer(raw.get("billing_interval_count"), "billing_interval_count");
            item.put("billing_interval_count", count == null ? 1 : count);
            Long periods = Validation.integer(
                    raw.get("periods_before_automatic_cancellation"), "periods_before_automatic_cancellation");
            if (periods == null) {
                item.putNull("periods_before_automatic_cancellation");
            } else {
                item.put("periods_before_automatic_cancellation", periods);
            }
            Long trial = Validation.integer(raw.get("free_trial_interval_count"), "free_trial_interval_count");
            item.put("free_trial_interval_count", trial == null ? 0 : trial);
            item.put(
                    "free_trial_interval",
                    Validation.oneOf(raw.get("free_trial_interval"), "free_trial_interval", "month", INTERVALS));
        }
        boolean dynamic = raw.path("has_dynamic_pricing").asBoolean(false)
                || "true".equals(raw.path("has_dynamic_pricing").asText());
        item.put("has_dynamic_pricing", dynamic);
        if (raw.has("custom_terms_and_conditions")) {
            item.set("custom_terms_and_conditions", raw.get("custom_terms_and_conditions"));
        }
        if (raw.has("metadata")) {
            item.set("metadata", Validation.metadata(raw.get("metadata")));
        }
        item.put("product_id", Ids.next("prod_"));
        return item;
    }

    private static ObjectNode fromCatalog(AccountData data, JsonNode raw) {
        JsonResource product = null;
        JsonNode price = null;
        String priceId = raw.path("price_id").asText(null);
        String productId = raw.path("product_id").asText(null);
        if (productId != null) {
            product = data.products.get(productId);
            if (product == null) {
                throw ApiException.invalid("product_id", "no existe un producto con id " + productId);
            }
        } else {
            for (JsonResource p : data.products.newestFirst()) {
                for (JsonNode pr : p.node().path("prices")) {
                    if (priceId.equals(pr.path("id").asText())) {
                        product = p;
                        price = pr;
                    }
                }
            }
            if (product == null) {
                throw ApiException.invalid("price_id", "no existe un precio con id " + priceId);
            }
        }
        if (!"active".equals(product.node().path("status").asText())) {
            throw ApiException.invalid("product_id", "el producto " + product.id() + " no está activo");
        }
        if (price == null) {
            price = product.node().path("prices").path(0);
            if (price.isMissingNode()) {
                throw ApiException.invalid("product_id", "el producto " + product.id() + " no tiene precios");
            }
        }
        ObjectNode item = Json.object();
        item.put("name", product.node().path("name").asText());
        item.put("product_id", product.id());
        item.put("price_id", price.path("id").asText());
        item.put("currency", price.path("currency").asText());
        item.put("amount_in_cents", price.path("amount_in_cents").asLong());
        item.put("quantity", Validation.quantity(raw.get("quantity")));
        item.put("charge_type", price.path("charge_type").asText("one_time"));
        item.put("billing_interval", price.path("billing_interval").asText(""));
        item.put("billing_interval_count", price.path("billing_interval_count").asInt(0));
        item.set("periods_before_automatic_cancellation", price.get("periods_before_automatic_cancellation"));
        item.put(
                "free_trial_interval_count",
                price.path("free_trial_interval_count").asInt(0));
        item.put("free_trial_interval", price.path("free_trial_interval").asText(""));
        return item;
    }
}
