package io.github.camelrecurrente.sandbox.api;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.Times;

/** {@code POST /users} and {@code /customers} (find-or-create by email, metadata deep-merge). */
final class PeopleEndpoints {

    private PeopleEndpoints() {}

    static ApiResponse users(ApiRequest req) {
        if (req.segment(1) != null || !"POST".equals(req.method())) {
            throw Router.noRoute(req);
        }
        ObjectNode body = req.object();
        String email = email(body.get("email"));
        JsonResource u = findOrCreateUser(req.data(), email, Json.text(body, "full_name"));
        ObjectNode out = Json.object();
        out.put("email", u.node().path("email").asText());
        out.put("id", u.id());
        return ApiResponse.ok(out);
    }

    static JsonResource findOrCreateUser(AccountData data, String email, String fullName) {
        JsonResource u = data.userByEmail(email);
        if (u != null) {
            return u;
        }
        long now = Times.micros(Instant.now());
        String id = Ids.next("us_");
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("email", email);
        n.put("full_name", fullName);
        u = new JsonResource(id, now, data.nextSeq(), n);
        data.users.put(u);
        return u;
    }

    private static String email(JsonNode node) {
        String email = Validation.required(node, "email");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiException.invalid("email", "no es un email válido (" + email + ")");
        }
        return email;
    }

    static ApiResponse customers(ApiRequest req, WireFormat wire) {
        String id = req.segment(1);
        AccountData data = req.data();
        if (id == null) {
            switch (req.method()) {
                case "POST":
                    ApiResponse created = createCustomer(data, req.object());
                    return new ApiResponse(
                            created.status(), wire.render(created.body(), WireFormat.CUSTOMER), created.headers());
                case "GET":
                    // the list documents page and items only: user_id and email filter only with extended fields
                    String userId = wire.extendedFields() ? req.query().get("user_id") : null;
                    String email = wire.extendedFields() ? req.query().get("email") : null;
                    ApiResponse page = Pagination.list(
                            req,
                            data.customers,
                            userId == null && email == null
                                    ? null
                                    : c -> (userId == null
                                                    || userId.equals(c.node()
                                                            .path("user_id")
                                                            .asText()))
                                            && (email == null
                                                    || email.equalsIgnoreCase(c.node()
                                                            .path("email")
                                                            .asText())),
                            c -> wire.render(c.node(), WireFormat.CUSTOMER),
                            false);
                    ObjectNode wrapped = Json.object();
                    wrapped.set("customers", page.body());
                    return new ApiResponse(200, wrapped, page.headers());
                default:
                    throw Router.noRoute(req);
            }
        }
        String byUser = "GET".equals(req.method()) ? req.query().get("user_id") : null;
        JsonResource c = byUser == null ? data.customers.get(id) : customerOfUser(data, byUser);
        if (c == null) {
            throw byUser == null
                    ? ApiException.notFound("un cliente", id)
                    : ApiException.notFound("un cliente con user_id", byUser);
        }
        switch (req.method()) {
            case "GET":
                return ApiResponse.ok(wire.render(c.node(), WireFormat.CUSTOMER));
            case "PUT":
            case "PATCH":
                updateCustomer(c.node(), req.object());
                return ApiResponse.ok(wire.render(c.node(), WireFormat.CUSTOMER));
            default:
                throw Router.noRoute(req);
        }
    }

    /**
     * {@code GET /customers/{id}?user_id=us_...}: the reference's alternative lookup by the user id instead of the
     * customer id (the path id is then not used).
     */
    private static JsonResource customerOfUser(AccountData data, String userId) {
        for (JsonResource c : data.customers.newestFirst()) {
            if (userId.equals(c.node().path("user_id").asText())) {
                return c;
            }
        }
        return null;
    }

    private static ApiResponse createCustomer(AccountData data, ObjectNode body) {
        String email = email(body.get("email"));
        JsonResource existing = data.customerByEmail(email);
        if (existing != null) {
            return ApiResponse.ok(existing.node().deepCopy());
        }
        ObjectNode metadata = Validation.metadata(body.get("metadata"));
        String name = body.hasNonNull("full_name") ? body.get("full_name").asText() : Json.text(body, "name");
        JsonResource user = findOrCreateUser(data, email, name);
        long now = Times.micros(Instant.now());
        String id = Ids.next("cus_");
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("user_id", user.id());
        n.put("email", email);
        n.put("name", name);
        n.set("phone", body.get("phone"));
        n.set("address", body.get("address"));
        n.set("nit", body.get("nit"));
        n.set("metadata", metadata);
        Views.stamp(n, now);
        data.customers.put(new JsonResource(id, now, data.nextSeq(), n));
        return ApiResponse.created(n.deepCopy());
    }

    private static void updateCustomer(ObjectNode n, ObjectNode body) {
        ObjectNode merged =
                n.path("metadata").isObject() ? (ObjectNode) n.get("metadata").deepCopy() : Json.object();
        if (body.has("metadata")) {
            JsonNode patch = body.get("metadata");
            if (!patch.isNull() && !patch.isObject()) {
                throw ApiException.invalid("metadata", "debe ser un objeto");
            }
            if (patch.isObject()) {
                deepMerge(merged, (ObjectNode) patch);
            }
            Validation.metadata(merged);
        }
        if (body.has("email")) {
            n.put("email", email(body.get("email")));
        }
        if (body.has("full_name") || body.has("name")) {
            n.set("name", body.has("full_name") ? body.get("full_name") : body.get("name"));
        }
        for (String f : new String[] {"phone", "address", "nit"}) {
            if (body.has(f)) {
                n.set(f, body.get(f));
            }
        }
        n.set("metadata", merged);
        Views.touch(n);
    }

    /** Merges {@code patch} into {@code target}: objects recursively, {@code null} deletes a key. */
    static void deepMerge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                target.remove(e.getKey());
            } else if (v.isObject() && target.get(e.getKey()) instanceof ObjectNode inner) {
                deepMerge(inner, (ObjectNode) v);
            } else {
                target.set(e.getKey(), v.deepCopy());
            }
        }
    }
}
