package io.github.camelrecurrente.sandbox.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;

/**
 * An authenticated API request, already parsed.
 *
 * @param method   HTTP method (upper case)
 * @param path     full path, e.g. {@code /api/checkouts/ch_x}
 * @param segments path segments after {@code /api}
 * @param query    decoded query parameters (first value wins)
 * @param rawQuery raw query string or {@code null}
 * @param body     JSON body ({@code {}} when empty)
 * @param data     the account the secret key selected
 * @param origin   scheme + host + port, e.g. {@code http://127.0.0.1:8090}
 */
public record ApiRequest(
        String method,
        String path,
        List<String> segments,
        Map<String, String> query,
        String rawQuery,
        JsonNode body,
        AccountData data,
        String origin) {

    /** @return segment {@code i} or {@code null} */
    public String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    /** @return the body as an object ({@code 422} when it is something else) */
    public ObjectNode object() {
        if (body instanceof ObjectNode o) {
            return o;
        }
        throw ApiException.invalid("body", "debe ser un objeto JSON");
    }

    /** @return the object under {@code key} (e.g. {@code product}); 422 when missing */
    public ObjectNode wrapped(String key) {
        JsonNode n = object().get(key);
        if (n instanceof ObjectNode o) {
            return o;
        }
        throw new ApiException(
                422,
                "param is missing or the value is empty: " + key,
                key,
                "es requerido (envía {\"" + key + "\": {...}})");
    }

    /** @return whether the method is PATCH or PUT */
    public boolean isUpdate() {
        return "PATCH".equals(method) || "PUT".equals(method);
    }
}
