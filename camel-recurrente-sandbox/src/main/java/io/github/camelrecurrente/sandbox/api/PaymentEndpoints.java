package io.github.camelrecurrente.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;

/** {@code /payment_intents/{id}}, {@code /intents}, {@code /refunds}, {@code /one_time_payments}. */
final class PaymentEndpoints {

    private PaymentEndpoints() {}

    /** PATCH/PUT {@code /payment_intents/{id}} with {@code {"payment_intent": {"tax_invoice_url": ...}}}. */
    static ApiResponse paymentIntents(ApiRequest req, WireFormat wire) {
        String id = req.segment(1);
        if (id == null || !req.isUpdate()) {
            throw Router.noRoute(req);
        }
        JsonResource pa = req.data().paymentIntents.get(id);
        if (pa == null || PaymentRecords.isBankTransfer(pa)) {
            // "Update a payment intent" takes a payment intent (pa_...); no document shows it taking a bank transfer
            throw ApiException.notFound("un pago", id);
        }
        ObjectNode body = req.wrapped("payment_intent");
        if (!"succeeded".equals(pa.node().path("status").asText())) {
            throw ApiException.invalid(
                    "payment_intent",
                    "solo se puede actualizar la factura de pagos exitosos (estado: "
                            + pa.node().path("status").asText() + ")");
        }
        if (!body.has("tax_invoice_url")) {
            throw ApiException.invalid("tax_invoice_url", "es requerido");
        }
        pa.node().set("tax_invoice_url", body.get("tax_invoice_url"));
        Views.touch(pa.node());
        return ApiResponse.ok(paymentIntentView(pa.node(), wire));
    }

    /** The payment intent in the documented update-response shape. */
    static ObjectNode paymentIntentView(ObjectNode pa, WireFormat wire) {
        ObjectNode n = pa.deepCopy();
        n.remove("invoice_id");
        n.remove("items");
        n.set("products", wire.products(n.get("products")));
        return wire.shape(n, WireFormat.PAYMENT_INTENT);
    }

    /** GET {@code /intents} (from_time/until_time/status/type) and GET {@code /intents/{id}}. */
    static ApiResponse intents(ApiRequest req, WireFormat wire) {
        if (!"GET".equals(req.method())) {
            throw Router.noRoute(req);
        }
        AccountData data = req.data();
        String id = req.segment(1);
        if (id == null) {
            if (!wire.extendedFields()) {
                // documented: from_time/until_time only, one bare array, no paging
                return Pagination.all(
                        req, data.intents, null, i -> wire.unifiedIntent(i.node(), WireFormat.UNIFIED_INTENT), true);
            }
            String status = req.query().get("status");
            String type = req.query().get("type");
            return Pagination.list(
                    req,
                    data.intents,
                    status == null && type == null
                            ? null
                            : i -> (status == null
                                            || status.equals(
                                                    i.node().path("status").asText()))
                                    && (type == null
                                            || type.equals(i.node().path("type").asText())),
                    i -> i.node().deepCopy(),
                    true);
        }
        JsonResource in = data.intents.get(id);
        if (in == null) {
            throw ApiException.notFound("un intent", id);
        }
        return ApiResponse.ok(wire.unifiedIntent(in.node(), WireFormat.UNIFIED_INTENT));
    }

    /** POST {@code /refunds} ({@code payment_intent_id} or {@code intent_id}, optional amount) and GET {@code /refunds/{id}}. */
    static ApiResponse refunds(ApiRequest req, PaymentSimulator simulator, WireFormat wire) {
        AccountData data = req.data();
        String id = req.segment(1);
        if (id != null) {
            if (!"GET".equals(req.method())) {
                throw Router.noRoute(req);
            }
            JsonResource re = data.refunds.get(id);
            if (re == null) {
                throw ApiException.notFound("un reembolso", id);
            }
            return ApiResponse.ok(wire.render(re.node(), WireFormat.REFUND));
        }
        if (!"POST".equals(req.method())) {
            throw Router.noRoute(req);
        }
        ObjectNode body = req.object();
        String paId = Json.text(body, "payment_intent_id");
        String intentId = Json.text(body, "intent_id");
        JsonResource pa;
        if (paId != null) {
            pa = data.paymentIntents.get(paId);
            if (pa == null) {
                throw ApiException.notFound("un pago", paId);
            }
        } else if (intentId != null) {
            JsonResource in = data.intents.get(intentId);
            if (in == null) {
                throw ApiException.notFound("un intent", intentId);
            }
            pa = data.paymentIntents.get(in.node().path("legacy_intent_id").asText());
        } else {
            throw ApiException.invalid("payment_intent_id", "es requerido (o intent_id)");
        }
        Long amount = Validation.integer(body.get("amount_in_cents"), "amount_in_cents");
        return ApiResponse.ok(wire.render(simulator.refund(data, pa, amount), WireFormat.REFUND));
    }

    /** POST {@code /one_time_payments}: charges a saved {@code payment_method_id}. */
    static ApiResponse oneTimePayments(ApiRequest req, PaymentSimulator simulator) {
        if (req.segment(1) != null || !"POST".equals(req.method())) {
            throw Router.noRoute(req);
        }
        AccountData data = req.data();
        ObjectNode body = req.object();
        String pmId = Validation.required(body.get("payment_method_id"), "payment_method_id");
        ObjectNode pm = data.paymentMethods.get(pmId);
        if (pm == null || !"card".equals(pm.path("type").asText())) {
            throw ApiException.invalid("payment_method_id", "no existe una tarjeta guardada con id " + pmId);
        }
        JsonNode items = body.get("items");
        Items.Resolved resolved = Items.resolve(data, items, false);
        return ApiResponse.created(simulator.chargePaymentMethod(
                data, pm, resolved.total(), resolved.currency(), resolved.productId(), resolved.items()));
    }
}
