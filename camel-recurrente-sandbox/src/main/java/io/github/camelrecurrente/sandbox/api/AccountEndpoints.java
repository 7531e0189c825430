package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

/** {@code GET /test}, {@code POST /transfers}, {@code /webhook_endpoints}. */
final class AccountEndpoints {

    private AccountEndpoints() {}

    static ApiResponse test(ApiRequest req) {
        ObjectNode out = Json.object();
        out.put("message", "Hello " + req.data().account().name() + " 🌎");
        return ApiResponse.ok(out);
    }

    static ApiResponse transfers(ApiRequest req) {
        if (req.segment(1) != null || !"POST".equals(req.method())) {
            throw Router.noRoute(req);
        }
        AccountData data = req.data();
        ObjectNode body = req.object();
        String currency = Validation.currency(body.get("currency"), "currency");
        Long amount = Validation.integer(body.get("amount_in_cents"), "amount_in_cents");
        if (amount == null || amount <= 0) {
            throw ApiException.invalid("amount_in_cents", "es requerido y debe ser mayor que 0");
        }
        String recipient = Validation.required(body.get("recipient_id"), "recipient_id");
        long now = Times.micros(Instant.now());
        String id = Ids.next("tr_");
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("status", "completed");
        n.put("amount_in_cents", amount);
        n.put("currency", currency);
        n.put("created_at", Times.formatMicros(now));
        n.set("note", body.get("note"));
        ObjectNode sender = n.putObject("sender");
        sender.put("id", Views.slug(data.account().name()));
        sender.put("name", data.account().name());
        sender.put("type", "Account");
        ObjectNode rec = n.putObject("recipient");
        rec.put("id", recipient);
        rec.put("name", recipient);
        rec.put("type", "Account");
        data.transfers.put(new JsonResource(id, now, data.nextSeq(), n));
        return ApiResponse.ok(n.deepCopy());
    }

    static ApiResponse webhookEndpoints(ApiRequest req, String signingSecret, WireFormat wire) {
        AccountData data = req.data();
        String id = req.segment(1);
        if (id == null) {
            switch (req.method()) {
                case "GET":
                    // the docs show one bare array without paging; paging only with extended fields
                    return wire.extendedFields()
                            ? Pagination.list(
                                    req,
                                    data.webhookEndpoints,
                                    null,
                                    e -> e.node().deepCopy(),
                                    false)
                            : Pagination.all(
                                    req,
                                    data.webhookEndpoints,
                                    null,
                                    e -> e.node().deepCopy(),
                                    false);
                case "POST":
                    ObjectNode body = req.object();
                    String url = Validation.required(body.get("url"), "url");
                    if (!url.startsWith("http://") && !url.startsWith("https://")) {
                        throw ApiException.invalid("url", "debe ser un URL http(s) (recibido: " + url + ")");
                    }
                    long now = Times.micros(Instant.now());
                    String epId = Ids.svix("ep_");
                    ObjectNode n = Json.object();
                    n.set(
                            "description",
                            body.has("description")
                                    ? body.get("description")
                                    : Json.MAPPER.getNodeFactory().textNode(""));
                    n.put("url", url);
                    n.put("disabled", false);
                    n.put("createdAt", Times.formatMicros(now));
                    n.put("updatedAt", Times.formatMicros(now));
                    n.put("id", epId);
                    n.set(
                            "metadata",
                            body.has("metadata") && !body.get("metadata").isNull()
                                    ? body.get("metadata")
                                    : Json.object());
                    data.webhookEndpoints.put(new JsonResource(epId, now, data.nextSeq(), n));
                    data.signingSecrets.put(epId, signingSecret);
                    ObjectNode out = n.deepCopy();
                    out.put("signingSecret", signingSecret);
                    return ApiResponse.created(out);
                default:
                    throw Router.noRoute(req);
            }
        }
        if (!"DELETE".equals(req.method())) {
            throw Router.noRoute(req);
        }
        if (data.webhookEndpoints.get(id) == null) {
            throw ApiException.notFound("un webhook endpoint", id);
        }
        data.webhookEndpoints.remove(id);
        data.signingSecrets.remove(id);
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("status", "success");
        return ApiResponse.ok(out);
    }
}
