package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

/** {@code /products}: body wrapped in {@code {"product": {...}}}, nested {@code prices_attributes}; DELETE archives. */
final class ProductEndpoints {

    private static final Set<String> REQUIREMENTS = Set.of("required", "optional", "none");
    private static final Set<String> INTERVALS = Set.of("day", "week", "month", "year");
    private static final String[] TEXT_FIELDS = {
        "description", "image_url", "success_url", "cancel_url", "custom_terms_and_conditions"
    };

    private ProductEndpoints() {}

    static ApiResponse handle(ApiRequest req, WireFormat wire) {
        String id = req.segment(1);
        AccountData data = req.data();
        if (id == null) {
            return switch (req.method()) {
                case "POST" -> ApiResponse.created(wire.product(create(data, req.wrapped("product"))));
                case "GET" ->
                    Pagination.list(
                            req, data.products, ProductEndpoints::notArchived, p -> wire.product(p.node()), false);
                default -> throw Router.noRoute(req);
            };
        }
        JsonResource p = data.products.get(id);
        if (p == null || !notArchived(p)) {
            // an archived (deleted) product is kept for the payments that name it, but the API no longer shows it:
            // no document shows an archived product in an answer
            throw ApiException.notFound("un producto", id);
        }
        switch (req.method()) {
            case "GET":
                return ApiResponse.ok(wire.product(p.node()));
            case "PATCH":
            case "PUT":
                apply(data, p.node(), req.wrapped("product"), false);
                Views.touch(p.node());
                return ApiResponse.ok(wire.product(p.node()));
            case "DELETE":
                p.node().put("status", "archived");
                Views.touch(p.node());
                ObjectNode out = Json.object();
                out.put("id", p.id());
                out.put("status", "deleted");
                return ApiResponse.ok(out);
            default:
                throw Router.noRoute(req);
        }
    }

    /** Whether the API still shows a product: not archived by {@code DELETE}. */
    static boolean notArchived(JsonResource product) {
        return !"archived".equals(product.node().path("status").asText());
    }

    private static ObjectNode create(AccountData data, ObjectNode body) {
        String name = Validation.required(body.get("name"), "name");
        long now = Times.micros(Instant.now());
        String id = Ids.next("prod_");
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("status", "active");
        n.put("name", name);
        for (String f : TEXT_FIELDS) {
            n.putNull(f);
        }
        n.put("phone_requirement", "none");
        n.put("address_requirement", "none");
        n.put("billing_info_requirement", "none");
        n.putArray("prices");
        n.put(
                "storefront_link",
                "https://app.recurrente.com/s/" + Views.slug(data.account().name()) + "/" + Views.slug(name) + "-"
                        + id.substring(5, 11));
        n.set("metadata", Json.object());
        n.put("adjustable_quantity", true);
        n.putNull("inventory_quantity");
        n.put("has_dynamic_pricing", false);
        Views.stamp(n, now);
        apply(data, n, body, true);
        if (n.path("prices").isEmpty()) {
            throw ApiException.invalid("prices_attributes", "el producto necesita al menos un precio");
        }
        data.products.put(new JsonResource(id, now, data.nextSeq(), n));
        return n.deepCopy();
    }

    private static void apply(AccountData data, ObjectNode n, ObjectNode body, boolean creating) {
        if (body.has("name")) {
            n.put("name", Validation.required(body.get("name"), "name"));
        }
        for (String f : TEXT_FIELDS) {
            if (body.has(f)) {
                n.set(
                        f,
                        body.get(f).isNull()
                                ? null
                                : Json.MAPPER
                                        .getNodeFactory()
                                        .textNode(body.get(f).asText()));
            }
        }
        for (String f : new String[] {"phone_requirement", "address_requirement", "billing_info_requirement"}) {
            if (body.has(f)) {
                n.put(f, Validation.oneOf(body.get(f), f, "none", REQUIREMENTS));
            }
        }
        for (String f : new String[] {
            "adjustable_quantity",
            "has_dynamic_pricing",
            "custom_payment_method_settings",
            "card_payments_enabled",
            "bank_transfer_payments_enabled"
        }) {
            if (body.has(f)) {
                n.put(f, body.get(f).asBoolean() || "true".equals(body.get(f).asText()));
            }
        }
        if (body.has("inventory_quantity")) {
            Long q = Validation.integer(body.get("inventory_quantity"), "inventory_quantity");
            if (q == null) {
                n.putNull("inventory_quantity");
            } else {
                n.put("inventory_quantity", q);
            }
        }
        if (body.has("available_installments")) {
            n.set("available_installments", body.get("available_installments"));
        }
        if (body.has("metadata")) {
            n.set("metadata", Validation.metadata(body.get("metadata")));
        }
        JsonNode prices = body.get("prices_attributes");
        if (prices != null && !prices.isNull()) {
            if (!prices.isArray()) {
                throw ApiException.invalid("prices_attributes", "debe ser una lista");
            }
            ArrayNode current = (ArrayNode) n.get("prices");
            for (JsonNode pa : prices) {
                applyPrice(current, pa);
            }
        }
    }

    private static void applyPrice(ArrayNode prices, JsonNode attrs) {
        String id = Json.text(attrs, "id");
        if (id == null) {
            prices.add(newPrice(attrs));
            return;
        }
        for (int i = 0; i < prices.size(); i++) {
            ObjectNode p = (ObjectNode) prices.get(i);
            if (id.equals(p.path("id").asText())) {
                if (attrs.path("_destroy").asBoolean(false)
                        || "true".equals(attrs.path("_destroy").asText())
                        || "1".equals(attrs.path("_destroy").asText())) {
                    prices.remove(i);
                } else {
                    ObjectNode merged = p.deepCopy();
                    attrs.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("id") && !e.getKey().equals("_destroy")) {
                            merged.set(e.getKey(), e.getValue());
                        }
                    });
                    ObjectNode updated = newPrice(merged);
                    updated.put("id", id);
                    prices.set(i, updated);
                }
                return;
            }
        }
        throw ApiException.invalid("prices_attributes", "no existe un precio con id " + id + " en este producto");
    }

    private static ObjectNode newPrice(JsonNode a) {
        String currency = Validation.currency(a.get("currency"), "currency");
        Long amount = Validation.integer(a.get("amount_in_cents"), "amount_in_cents");
        if (amount == null && a.hasNonNull("amount_as_decimal")) {
            amount = Math.round(a.get("amount_as_decimal").asDouble() * 100);
        }
        if (amount == null || amount <= 0) {
            throw ApiException.invalid("amount_in_cents", "es requerido y debe ser mayor que 0");
        }
        String chargeType =
                Validation.oneOf(a.get("charge_type"), "charge_type", "one_time", Set.of("one_time", "recurring"));
        boolean rec = "recurring".equals(chargeType);
        ObjectNode p = Json.object();
        p.put("id", Ids.next("price_"));
        p.put("amount_in_cents", amount);
        p.put("currency", currency);
        Long count = Validation.integer(a.get("billing_interval_count"), "billing_interval_count");
        p.put("billing_interval_count", rec ? (count == null ? 1 : count) : (count == null ? 0 : count));
        String interval =
                Validation.oneOf(a.get("billing_interval"), "billing_interval", rec ? "month" : null, INTERVALS);
        p.put("billing_interval", interval == null ? "" : interval);
        p.put("charge_type", chargeType);
        Long periods = Validation.integer(
                a.get("periods_before_automatic_cancellation"), "periods_before_automatic_cancellation");
        if (periods == null) {
            p.putNull("periods_before_automatic_cancellation");
        } else {
            p.put("periods_before_automatic_cancellation", periods);
        }
        Long trial = Validation.integer(a.get("free_trial_interval_count"), "free_trial_interval_count");
        p.put("free_trial_interval_count", trial == null ? 0 : trial);
        String trialInterval = Validation.oneOf(a.get("free_trial_interval"), "free_trial_interval", null, INTERVALS);
        p.put("free_trial_interval", trialInterval == null ? "" : trialInterval);
        return p;
    }
}
