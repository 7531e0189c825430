package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Checkout;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.Times;

/** {@code /checkouts}: create, get, list (filters), update (PATCH/PUT, unpaid only). */
final class CheckoutEndpoints {

    private CheckoutEndpoints() {}

    static ApiResponse handle(ApiRequest req, WireFormat wire) {
        String id = req.segment(1);
        AccountData data = req.data();
        if (id == null) {
            return switch (req.method()) {
                case "POST" -> ApiResponse.created(create(data, req.object()));
                case "GET" -> list(req, wire);
                default -> throw Router.noRoute(req);
            };
        }
        Checkout c = find(data, id);
        if ("GET".equals(req.method())) {
            return ApiResponse.ok(wire.shape(Views.checkout(c, data, wire.extendedFields()), WireFormat.CHECKOUT));
        }
        if (req.isUpdate()) {
            return ApiResponse.ok(wire.shape(update(data, c, req.object(), wire), WireFormat.CHECKOUT));
        }
        throw Router.noRoute(req);
    }

    static Checkout find(AccountData data, String id) {
        Checkout c = data.checkouts.get(id);
        if (c == null) {
            throw ApiException.notFound("un checkout", id);
        }
        return c;
    }

    /** Creates a checkout from a request body. @return {@code {id, checkout_url}} */
    static ObjectNode create(AccountData data, ObjectNode body) {
        // "setup" is the only documented mode (a checkout that saves a card); no document shows another value
        String mode = Validation.oneOf(body.get("mode"), "mode", null, Set.of("setup"));
        JsonNode rawItems = body.get("items");
        boolean noItems = rawItems == null || rawItems.isNull() || (rawItems.isArray() && rawItems.isEmpty());
        // a mode: "setup" checkout only saves a card: the reference shows it without items
        Items.Resolved items = "setup".equals(mode) && noItems ? Items.none() : Items.resolve(data, rawItems, true);
        ObjectNode metadata = Validation.metadata(body.get("metadata"));
        Instant expiresAt = Validation.time(body.get("expires_at"), "expires_at");
        ArrayNode transferSetups = transferSetups(body.get("transfer_setups"));
        long now = Times.micros(Instant.now());
        Checkout c = new Checkout(Ids.next("ch_", 16), now, data.nextSeq());
        c.items = items.items();
        c.totalInCents = items.total();
        c.currency = items.currency();
        c.recurring = items.recurring();
        c.productId = items.productId();
        c.metadata = metadata;
        c.expiresAt = expiresAt;
        c.mode = mode;
        c.successUrl = Json.text(body, "success_url");
        c.cancelUrl = Json.text(body, "cancel_url");
        c.userId = Json.text(body, "user_id");
        c.customerId = Json.text(body, "customer_id");
        c.customAccountId = Json.text(body, "custom_account_id");
        c.transferSetups = transferSetups;
        data.checkouts.put(c);
        ObjectNode out = Json.object();
        out.put("id", c.id());
        out.put("checkout_url", Views.CHECKOUT_URL + c.id());
        return out;
    }

    /** {@code transfer_setups[]}: the documented {@code amount_in_cents} and {@code recipient_id} of each. */
    private static ArrayNode transferSetups(JsonNode node) {
        ArrayNode out = Json.array();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw ApiException.invalid("transfer_setups", "debe ser una lista");
        }
        for (JsonNode t : node) {
            Long amount = Validation.integer(t.get("amount_in_cents"), "transfer_setups.amount_in_cents");
            if (amount == null || amount <= 0) {
                throw ApiException.invalid("transfer_setups", "amount_in_cents debe ser mayor que 0");
            }
            ObjectNode ts = out.addObject();
            ts.put("amount_in_cents", amount);
            ts.put(
                    "recipient_id",
                    t.hasNonNull("recipient_id") ? t.get("recipient_id").asText() : null);
        }
        return out;
    }

    private static ObjectNode update(AccountData data, Checkout c, ObjectNode body, WireFormat wire) {
        if (!"unpaid".equals(c.status)) {
            throw new ApiException(
                    422,
                    "No se puede editar un checkout que ya fue pagado",
                    "checkout",
                    "solo se pueden editar checkouts no pagados (estado: " + c.status + ")");
        }
        ObjectNode metadata = body.has("metadata") ? Validation.metadata(body.get("metadata")) : null;
        Instant expiresAt = body.has("expires_at") ? Validation.time(body.get("expires_at"), "expires_at") : null;
        Items.Resolved items = body.has("items") ? Items.resolve(data, body.get("items"), true) : null;
        if (metadata != null) {
            c.metadata = metadata;
        }
        if (body.has("expires_at")) {
            c.expiresAt = expiresAt;
        }
        if (body.has("success_url")) {
            c.successUrl = Json.text(body, "success_url");
        }
        if (body.has("cancel_url")) {
            c.cancelUrl = Json.text(body, "cancel_url");
        }
        if (items != null) {
            c.items = items.items();
            c.totalInCents = items.total();
            c.currency = items.currency();
            c.recurring = items.recurring();
            c.productId = items.productId();
        }
        c.updatedMicros = Times.micros(Instant.now());
        return Views.checkout(c, data, wire.extendedFields());
    }

    private static ApiResponse list(ApiRequest req, WireFormat wire) {
        String userId = req.query().get("user_id");
        // status and customer_id are not documented filters: only with extended fields
        String status = wire.extendedFields() ? req.query().get("status") : null;
        String customerId = wire.extendedFields() ? req.query().get("customer_id") : null;
        Predicate<Checkout> filter = null;
        if (userId != null || status != null || customerId != null) {
            Instant now = Instant.now();
            filter = c -> (userId == null || userId.equals(c.userId))
                    && (customerId == null || customerId.equals(c.customerId))
                    && (status == null || status.equals(c.effectiveStatus(now)));
        }
        AccountData data = req.data();
        return Pagination.list(
                req,
                data.checkouts,
                filter,
                c -> wire.shape(Views.checkout(c, data, wire.extendedFields()), WireFormat.CHECKOUT),
                true);
    }
}
