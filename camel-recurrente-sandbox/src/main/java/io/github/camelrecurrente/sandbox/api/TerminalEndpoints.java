package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

/**
 * {@code POST /terminal_session_commands}: {@code external_id} is the idempotency key (201 new, 200 existing);
 * a new command supersedes pending ones of the same terminal. Each command gets a checkout whose metadata
 * carries {@code external_id} and {@code terminal_id}.
 */
final class TerminalEndpoints {

    private TerminalEndpoints() {}

    static ApiResponse handle(ApiRequest req, WireFormat wire) {
        if (req.segment(1) != null || !"POST".equals(req.method())) {
            throw Router.noRoute(req);
        }
        AccountData data = req.data();
        ObjectNode body = req.object();
        String terminalId = Validation.required(body.get("terminal_id"), "terminal_id");
        String externalId = Validation.required(body.get("external_id"), "external_id");
        for (JsonResource existing : data.terminalCommands.newestFirst()) {
            if (externalId.equals(existing.node().path("external_id").asText())) {
                return ApiResponse.ok(wire.render(existing.node(), WireFormat.TERMINAL_COMMAND));
            }
        }
        String currency = Validation.currency(
                body.hasNonNull("currency")
                        ? body.get("currency")
                        : Json.MAPPER.getNodeFactory().textNode("GTQ"),
                "currency");
        Long amount = Validation.integer(body.get("amount_in_cents"), "amount_in_cents");
        if (amount == null && body.hasNonNull("amount")) {
            amount = Math.round(body.get("amount").asDouble() * 100);
        }
        if (amount == null) {
            throw ApiException.invalid("amount_in_cents", "es requerido (o amount)");
        }
        ObjectNode checkoutBody = Json.object();
        ObjectNode item = checkoutBody.putArray("items").addObject();
        item.put("name", "Cobro en terminal " + terminalId);
        item.put("currency", currency);
        item.put("amount_in_cents", amount);
        ObjectNode metadata = checkoutBody.putObject("metadata");
        metadata.put("external_id", externalId);
        metadata.put("terminal_id", terminalId);
        ObjectNode checkout = CheckoutEndpoints.create(data, checkoutBody);
        for (JsonResource other : data.terminalCommands.newestFirst()) {
            if (terminalId.equals(other.node().path("terminal_id").asText())
                    && "pending".equals(other.node().path("status").asText())) {
                other.node().put("status", "superseded");
                Views.touch(other.node());
            }
        }
        long now = Times.micros(Instant.now());
        String id = Ids.next("tsc_");
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("external_id", externalId);
        n.put("status", "pending");
        n.put("terminal_id", terminalId);
        n.put("amount_in_cents", amount);
        n.put("currency", currency);
        n.set("installments", body.get("installments"));
        n.put("checkout_id", checkout.path("id").asText());
        n.put("checkout_url", checkout.path("checkout_url").asText());
        Views.stamp(n, now);
        data.terminalCommands.put(new JsonResource(id, now, data.nextSeq(), n));
        return ApiResponse.created(wire.render(n, WireFormat.TERMINAL_COMMAND));
    }
}
