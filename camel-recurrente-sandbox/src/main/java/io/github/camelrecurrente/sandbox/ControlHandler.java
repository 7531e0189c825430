package io.github.camelrecurrente.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelrecurrente.sandbox.http.HttpIO;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.Times;

/**
 * Serves {@code /sandbox/...}: simulation and inspection controls, no authentication.
 * Unknown ids answer 404, impossible transitions 409, bad input 400.
 */
final class ControlHandler implements HttpHandler {

    private final RecurrenteSandbox sandbox;

    ControlHandler(RecurrenteSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String[] p = ex.getRequestURI().getPath().replaceAll("^/sandbox/?", "").split("/");
        try {
            byte[] raw = HttpIO.body(ex);
            JsonNode body = raw.length == 0 ? Json.object() : Json.parse(raw);
            Object result = dispatch(method, p, body);
            HttpIO.send(ex, 200, Json.tree(result), null);
        } catch (IllegalArgumentException e) {
            HttpIO.send(ex, e instanceof NotFound ? 404 : 400, message(e.getMessage()), null);
        } catch (IllegalStateException e) {
            HttpIO.send(ex, 409, message(e.getMessage()), null);
        } catch (RuntimeException e) {
            HttpIO.send(ex, 500, message(e.toString()), null);
        }
    }

    private static final class NotFound extends IllegalArgumentException {
        NotFound(String message) {
            super(message);
        }
    }

    private static ObjectNode message(String text) {
        ObjectNode n = Json.object();
        n.put("message", text);
        return n;
    }

    private Object dispatch(String method, String[] p, JsonNode body) {
        String head = p.length == 0 ? "" : p[0];
        String id = p.length > 1 ? p[1] : null;
        String action = p.length > 2 ? p[2] : null;
        String sub = p.length > 3 ? p[3] : null;
        switch (method + " " + head) {
            case "GET ":
                return info();
            case "POST reset":
                sandbox.reset();
                return Map.of("message", "reset");
            case "POST settings":
                return settings(body);
            case "GET requests":
                return requests();
            case "DELETE requests":
                sandbox.clearRequests();
                return Map.of("message", "cleared");
            case "GET deliveries":
                return deliveries();
            case "DELETE deliveries":
                sandbox.clearDeliveries();
                return Map.of("message", "cleared");
            case "GET events":
                return events();
            case "POST deliveries":
                if (id != null && "resend".equals(action)) {
                    int n;
                    try {
                        n = sandbox.resend(id, text(body, "endpoint"));
                    } catch (IllegalArgumentException e) {
                        throw new NotFound(e.getMessage());
                    }
                    return Map.of("message_id", id, "endpoints", n);
                }
                break;
            case "POST webhooks":
                if ("drop".equals(id)) {
                    int count = body.path("count").asInt(1);
                    sandbox.dropNext(text(body, "endpoint"), count, text(body, "event_type"));
                    return Map.of("message", "dropping next " + count);
                }
                break;
            case "GET faults":
                return faults();
            case "POST faults":
                sandbox.addFault(fault(body));
                return faults();
            case "DELETE faults":
                sandbox.clearFaults();
                return Map.of("message", "cleared");
            case "POST seed":
                if ("checkouts".equals(id)) {
                    return seed(body);
                }
                break;
            case "GET checkouts":
                return found(sandbox.checkout(id), "checkout", id);
            case "GET payment_intents":
                return found(sandbox.paymentIntent(id), "payment intent", id);
            case "GET intents":
                return found(sandbox.intent(id), "intent", id);
            case "GET subscriptions":
                return found(sandbox.subscription(id), "subscription", id);
            case "POST checkouts":
                return checkoutAction(id, action, sub, body);
            case "POST subscriptions":
                return subscriptionAction(id, action);
            default:
                break;
        }
        throw new NotFound("Unknown sandbox control " + method + " /sandbox/" + String.join("/", p)
                + " (GET /sandbox lists the controls)");
    }

    private Object checkoutAction(String id, String action, String sub, JsonNode body) {
        requireExists(sandbox.checkout(id), "checkout", id);
        Map<String, String> address = null;
        if (body.path("address").isObject()) {
            address = new java.util.LinkedHashMap<>();
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it =
                            body.get("address").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                address.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        PaymentOptions o = new PaymentOptions(
                text(body, "card_number"),
                text(body, "tax_id"),
                text(body, "tax_name"),
                text(body, "email"),
                text(body, "full_name"),
                text(body, "phone_number"),
                address);
        if ("pay".equals(action)) {
            return sandbox.payCheckout(id, o);
        }
        if ("bank_transfer".equals(action)) {
            if (sub == null || "start".equals(sub)) {
                return sandbox.startBankTransfer(id, o);
            }
            if ("succeed".equals(sub)) {
                return sandbox.completeBankTransfer(id);
            }
            if ("fail".equals(sub)) {
                return sandbox.failBankTransfer(id);
            }
        }
        throw new NotFound("Unknown checkout action '" + action + (sub == null ? "" : "/" + sub)
                + "'; use pay, bank_transfer, bank_transfer/succeed, bank_transfer/fail");
    }

    private Object subscriptionAction(String id, String action) {
        requireExists(sandbox.subscription(id), "subscription", id);
        switch (action == null ? "" : action) {
            case "renew":
                return sandbox.renewSubscription(id);
            case "fail":
                return sandbox.failSubscriptionPayment(id);
            case "pause":
                return sandbox.pauseSubscription(id);
            case "unpause":
                return sandbox.unpauseSubscription(id);
            case "cancel":
                return sandbox.cancelSubscription(id);
            default:
                throw new NotFound(
                        "Unknown subscription action '" + action + "'; use renew, fail, pause, unpause, cancel");
        }
    }

    private static Object found(Map<String, Object> value, String what, String id) {
        requireExists(value, what, id);
        return value;
    }

    private static void requireExists(Map<String, Object> value, String what, String id) {
        if (value == null) {
            throw new NotFound("No " + what + " with id " + id + " in any sandbox account");
        }
    }

    private Object seed(JsonNode body) {
        int count = body.path("count").asInt(0);
        AccountData d = sandbox.accountByNameOrKey(text(body, "account"));
        Instant until = body.hasNonNull("until") ? Times.parse(body.get("until").asText()) : Instant.now();
        Instant from = body.hasNonNull("from")
                ? Times.parse(body.get("from").asText())
                : until.minusSeconds(Math.max(0, count - 1));
        List<String> ids = sandbox.seedCheckouts(d.account().secretKey(), count, from, until);
        return Map.of(
                "count",
                ids.size(),
                "first_id",
                ids.isEmpty() ? "" : ids.get(0),
                "last_id",
                ids.isEmpty() ? "" : ids.get(ids.size() - 1));
    }

    private Object settings(JsonNode body) {
        if (body.has("legacy_errors")) {
            sandbox.setLegacyErrors(body.get("legacy_errors").asBoolean());
        }
        if (body.has("unified_events")) {
            sandbox.setUnifiedEvents(body.get("unified_events").asBoolean());
        }
        if (body.has("legacy_events")) {
            sandbox.setLegacyEvents(body.get("legacy_events").asBoolean());
        }
        if (body.has("extended_fields")) {
            sandbox.setExtendedFields(body.get("extended_fields").asBoolean());
        }
        return Map.of(
                "legacy_errors",
                sandbox.legacyErrors(),
                "unified_events",
                sandbox.unifiedEvents(),
                "legacy_events",
                sandbox.legacyEvents(),
                "extended_fields",
                sandbox.extendedFields());
    }

    private static Fault fault(JsonNode b) {
        int status = b.path("status").asInt(0);
        long latency = b.path("latency_ms").asLong(0);
        if (status == 0 && latency == 0) {
            throw new IllegalArgumentException("A fault needs a status (e.g. 429, 503) and/or latency_ms");
        }
        return new Fault(
                status,
                b.path("retry_after").asInt(-1),
                Duration.ofMillis(latency),
                b.hasNonNull("path") ? b.get("path").asText() : ".*",
                text(b, "method"),
                b.path("count").asInt(1));
    }

    private ArrayNode deliveries() {
        ArrayNode out = Json.array();
        for (WebhookDelivery d : sandbox.deliveries()) {
            ObjectNode n = out.addObject();
            n.put("messageId", d.messageId());
            n.put("eventType", d.eventType());
            n.put("endpointId", d.endpointId());
            n.put("endpointUrl", d.endpointUrl());
            n.put("attempt", d.attempt());
            n.put("statusCode", d.statusCode());
            n.put("succeeded", d.succeeded());
            n.put("dropped", d.dropped());
            n.put("timestamp", Times.format(d.timestamp()));
            n.put("error", d.error());
            n.put("body", d.body());
        }
        return out;
    }

    private ArrayNode events() {
        ArrayNode out = Json.array();
        for (WebhookEvent e : sandbox.events()) {
            ObjectNode n = out.addObject();
            n.put("messageId", e.messageId());
            n.put("eventType", e.eventType());
            n.put("account", e.accountName());
            n.put("createdAt", Times.format(e.createdAt()));
            n.set("body", Json.parse(e.body()));
        }
        return out;
    }

    private ArrayNode faults() {
        ArrayNode out = Json.array();
        for (Fault f : sandbox.faults()) {
            ObjectNode n = out.addObject();
            n.put("status", f.status());
            n.put("retry_after", f.retryAfterSeconds());
            n.put("latency_ms", f.latency().toMillis());
            n.put("path", f.pathRegex());
            n.put("method", f.method());
            n.put("count", f.times());
        }
        return out;
    }

    private ArrayNode requests() {
        ArrayNode out = Json.array();
        for (RecordedRequest r : sandbox.requests()) {
            ObjectNode n = out.addObject();
            n.put("method", r.method());
            n.put("path", r.path());
            n.put("query", r.query());
            ObjectNode h = n.putObject("headers");
            r.headers()
                    .forEach((k, v) ->
                            h.put(k, "x-secret-key".equals(k) ? SandboxAccount.mask(v.get(0)) : String.join(", ", v)));
            n.put("body", r.bodyText());
            n.put("body_base64", Base64.getEncoder().encodeToString(r.body()));
            n.put("status", r.status());
            n.put("timestamp", Times.format(r.timestamp()));
        }
        return out;
    }

    private Object info() {
        ObjectNode n = Json.object();
        n.put("base_url", sandbox.baseUrl());
        ArrayNode acc = n.putArray("accounts");
        for (SandboxAccount a : sandbox.accounts()) {
            acc.addObject().put("name", a.name()).put("public_key", a.publicKey());
        }
        n.set(
                "webhook_retry_schedule",
                Json.tree(sandbox.webhookRetrySchedule().stream()
                        .map(Duration::toString)
                        .toList()));
        n.set(
                "controls",
                Json.tree(List.of(
                        "POST /sandbox/reset",
                        "POST /sandbox/settings {legacy_errors, unified_events, legacy_events, extended_fields}",
                        "GET|DELETE /sandbox/requests",
                        "GET|DELETE /sandbox/deliveries",
                        "GET /sandbox/events",
                        "POST /sandbox/deliveries/{msg_id}/resend {endpoint?}",
                        "POST /sandbox/webhooks/drop {endpoint?, count, event_type?}",
                        "GET|POST|DELETE /sandbox/faults {status, retry_after, latency_ms, path, method, count}",
                        "POST /sandbox/seed/checkouts {count, from?, until?, account?}",
                        "POST /sandbox/checkouts/{id}/pay {card_number?, tax_id?, tax_name?, email?, full_name?, phone_number?, address?}",
                        "POST /sandbox/checkouts/{id}/bank_transfer[/succeed|/fail]",
                        "POST /sandbox/subscriptions/{id}/{renew|fail|pause|unpause|cancel}",
                        "GET /sandbox/{checkouts|payment_intents|intents|subscriptions}/{id}")));
        return n;
    }

    private static String text(JsonNode body, String field) {
        return Json.text(body, field);
    }
}
