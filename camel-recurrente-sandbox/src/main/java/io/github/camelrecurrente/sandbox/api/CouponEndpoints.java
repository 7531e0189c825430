package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

/** {@code /coupons}: body wrapped in {@code {"coupon": {...}}}; DELETE deletes (gone from the API). */
final class CouponEndpoints {

    private CouponEndpoints() {}

    static ApiResponse handle(ApiRequest req, WireFormat wire) {
        String id = req.segment(1);
        AccountData data = req.data();
        if (id == null) {
            return switch (req.method()) {
                case "POST" -> ApiResponse.created(wire.render(create(data, req.wrapped("coupon")), WireFormat.COUPON));
                case "GET" ->
                    Pagination.list(req, data.coupons, null, p -> wire.render(p.node(), WireFormat.COUPON), false);
                default -> throw Router.noRoute(req);
            };
        }
        JsonResource c = data.coupons.get(id);
        if (c == null) {
            throw ApiException.notFound("un cupón", id);
        }
        switch (req.method()) {
            case "GET":
                return ApiResponse.ok(wire.render(c.node(), WireFormat.COUPON));
            case "PATCH":
            case "PUT":
                ObjectNode updated = c.node().deepCopy();
                apply(updated, req.wrapped("coupon"));
                check(updated);
                c.node().setAll(updated);
                Views.touch(c.node());
                return ApiResponse.ok(wire.render(c.node(), WireFormat.COUPON));
            case "DELETE":
                // "eliminar cupones": a deleted coupon is gone (not listed, 404); no document shows it afterwards
                data.coupons.remove(c.id());
                ObjectNode out = Json.object();
                out.put("id", c.id());
                out.put("status", "deleted");
                return ApiResponse.ok(out);
            default:
                throw Router.noRoute(req);
        }
    }

    private static ObjectNode create(AccountData data, ObjectNode body) {
        long now = Times.micros(Instant.now());
        String id = Ids.next("coup_");
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("name", Validation.required(body.get("name"), "name"));
        n.putNull("amount_off_in_cents");
        n.putNull("percent_off");
        n.putNull("max_redemptions");
        n.putNull("currency");
        n.put("duration", "once");
        n.putNull("expires_at");
        n.put("status", "active");
        n.put("times_redeemed", 0);
        Views.stamp(n, now);
        apply(n, body);
        check(n);
        data.coupons.put(new JsonResource(id, now, data.nextSeq(), n));
        return n.deepCopy();
    }

    private static void apply(ObjectNode n, ObjectNode body) {
        if (body.has("name")) {
            n.put("name", Validation.required(body.get("name"), "name"));
        }
        if (body.has("percent_off")) {
            JsonNode percent = Validation.percent(body.get("percent_off"), "percent_off");
            n.set("percent_off", percent == null ? NullNode.getInstance() : percent);
        }
        for (String f : new String[] {"amount_off_in_cents", "max_redemptions"}) {
            if (body.has(f)) {
                Long v = Validation.integer(body.get(f), f);
                if (v == null) {
                    n.putNull(f);
                } else {
                    n.put(f, v);
                }
            }
        }
        if (body.has("currency")) {
            n.set("currency", body.get("currency"));
        }
        if (body.has("duration")) {
            n.put("duration", Validation.oneOf(body.get("duration"), "duration", "once", Set.of("once", "forever")));
        }
        if (body.has("expires_at")) {
            Instant e = Validation.time(body.get("expires_at"), "expires_at");
            n.put("expires_at", e == null ? null : Times.format(e));
        }
        for (String f : new String[] {"discount_mode", "display_name"}) {
            if (body.has(f)) {
                n.set(f, body.get(f));
            }
        }
    }

    private static void check(ObjectNode n) {
        boolean amount = n.hasNonNull("amount_off_in_cents");
        boolean percent = n.hasNonNull("percent_off");
        if (amount == percent) {
            throw ApiException.invalid("base", "indica exactamente uno de amount_off_in_cents o percent_off");
        }
        if (amount) {
            Validation.currency(n.get("currency"), "currency");
            if (n.get("amount_off_in_cents").asLong() <= 0) {
                throw ApiException.invalid("amount_off_in_cents", "debe ser mayor que 0");
            }
        }
    }
}
