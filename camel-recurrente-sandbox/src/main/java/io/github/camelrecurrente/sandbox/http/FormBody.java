package io.github.camelrecurrente.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.Json;

/**
 * Parses an {@code application/x-www-form-urlencoded} body with Rails-style keys into JSON, so that the form
 * fields of the Postman documentation work: {@code items[][name]=A&items[][amount_in_cents]=500},
 * {@code product[prices_attributes][0][id]=price_x}, and the doc's own spelling
 * {@code product[prices_attributes[][currency]]=GTQ}. Values stay strings; a value that looks like a JSON
 * object or array (e.g. {@code metadata={}}) is parsed as JSON.
 */
public final class FormBody {

    private FormBody() {}

    /** @return the body as a JSON object */
    public static ObjectNode parse(String body) {
        ObjectNode root = Json.object();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            put(root, path(key), value(value));
        }
        return root;
    }

    /** {@code a[b][][c]} and {@code a[b[][c]]} both become {@code [a, b, "", c]}. */
    static List<String> path(String key) {
        List<String> out = new ArrayList<>();
        for (String part : key.replace("]", "").split("\\[", -1)) {
            out.add(part);
        }
        return out;
    }

    private static JsonNode value(String v) {
        String t = v.trim();
        if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
            try {
                return Json.parse(t);
            } catch (IllegalArgumentException e) {
                // not JSON after all: keep the text
            }
        }
        return Json.MAPPER.getNodeFactory().textNode(v);
    }

    private static void put(ObjectNode root, List<String> path, JsonNode value) {
        JsonNode container = root;
        for (int i = 0; i < path.size(); i++) {
            String seg = path.get(i);
            boolean last = i == path.size() - 1;
            String next = last ? null : path.get(i + 1);
            if (container instanceof ObjectNode obj) {
                if (last) {
                    obj.set(seg, value);
                    return;
                }
                JsonNode child = obj.get(seg);
                if (child == null || !child.isContainerNode()) {
                    child = isArrayKey(next) ? Json.array() : Json.object();
                    obj.set(seg, child);
                }
                container = child;
            } else if (container instanceof ArrayNode arr) {
                if (seg.isEmpty()) {
                    // Rails: items[][k] starts a new element when the last element already has k
                    if (last) {
                        arr.add(value);
                        return;
                    }
                    JsonNode lastEl = arr.isEmpty() ? null : arr.get(arr.size() - 1);
                    if (lastEl == null || !lastEl.isObject() || (path.size() == i + 2 && lastEl.has(next))) {
                        lastEl = Json.object();
                        arr.add(lastEl);
                    }
                    container = lastEl;
                } else {
                    int index = Integer.parseInt(seg);
                    while (arr.size() <= index) {
                        arr.add(Json.object());
                    }
                    if (last) {
                        arr.set(index, value);
                        return;
                    }
                    container = arr.get(index);
                }
            } else {
                return;
            }
        }
    }

    private static boolean isArrayKey(String seg) {
        return seg != null && (seg.isEmpty() || seg.chars().allMatch(Character::isDigit));
    }
}
