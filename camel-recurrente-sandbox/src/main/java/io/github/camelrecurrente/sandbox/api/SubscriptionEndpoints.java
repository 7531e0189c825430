package io.github.camelrecurrente.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;

/** {@code /subscriptions}: get, list, update (PUT/PATCH {@code payment_method_id}), cancel (DELETE). */
final class SubscriptionEndpoints {

    private SubscriptionEndpoints() {}

    static ApiResponse handle(ApiRequest req, PaymentSimulator simulator, WireFormat wire) {
        String id = req.segment(1);
        AccountData data = req.data();
        if (id == null) {
            if ("GET".equals(req.method())) {
                // status is not a documented filter: only with extended fields
                String status = wire.extendedFields() ? req.query().get("status") : null;
                return Pagination.list(
                        req,
                        data.subscriptions,
                        status == null
                                ? null
                                : s -> status.equals(s.node().path("status").asText()),
                        s -> view(s.node(), wire),
                        false);
            }
            throw Router.noRoute(req);
        }
        JsonResource su = data.subscriptions.get(id);
        if (su == null) {
            throw ApiException.notFound("una suscripción", id);
        }
        switch (req.method()) {
            case "GET":
                return ApiResponse.ok(view(su.node(), wire));
            case "PATCH":
            case "PUT":
                String pmId = Validation.required(req.object().get("payment_method_id"), "payment_method_id");
                ObjectNode pm = data.paymentMethods.get(pmId);
                if (pm == null) {
                    throw ApiException.invalid("payment_method_id", "no existe un método de pago con id " + pmId);
                }
                if ("cancelled".equals(su.node().path("status").asText())) {
                    throw ApiException.invalid("subscription", "la suscripción está cancelada");
                }
                simulator.subscriptions().changePaymentMethod(data, su, pm);
                return ApiResponse.ok(view(su.node(), wire));
            case "DELETE":
                simulator.subscriptions().cancel(data, su);
                ObjectNode out = Json.object();
                out.put("message", "Suscripción cancelada");
                return ApiResponse.ok(out);
            default:
                throw Router.noRoute(req);
        }
    }

    static ObjectNode view(ObjectNode su, WireFormat wire) {
        ObjectNode n = su.deepCopy();
        n.remove("latest_payment_id");
        return wire.shape(n, WireFormat.SUBSCRIPTION);
    }
}
