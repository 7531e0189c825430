package io.github.camelrecurrente.component.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.component.model.RecurrenteJson;

/**
 * A request body ready to send: the only place that wraps a body under the operation's request root and writes it
 * as JSON.
 *
 * @param tree  the JSON tree it was written from, or null (no body, or a typed request written directly)
 * @param bytes the JSON to send, or null when the operation sends no body
 */
public record RequestBody(JsonNode tree, byte[] bytes) {

    /** No body. */
    public static final RequestBody NONE = new RequestBody(null, null);

    /** A body written by a fast path (e.g. a typed checkout written straight to bytes), with no tree. */
    public static RequestBody ofBytes(byte[] bytes) {
        return new RequestBody(null, bytes);
    }

    /**
     * A request object, Map or JsonNode: turned into a tree, wrapped under the request root and written.
     *
     * @throws InvalidRequestException when it cannot be written as JSON
     */
    public static RequestBody of(ApiOperation op, Object body) {
        if (body == null || !op.hasBody()) {
            return NONE;
        }
        JsonNode tree;
        try {
            tree = body instanceof JsonNode n ? n : RecurrenteJson.mapper().valueToTree(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    op.name(),
                    "body",
                    "of type " + body.getClass().getName() + " cannot be written as JSON: " + firstLine(e));
        }
        return ofTree(op, wrap(op, tree));
    }

    /**
     * A tree already wrapped (see {@link #wrap}), written as JSON.
     *
     * @throws InvalidRequestException when it cannot be written as JSON
     */
    public static RequestBody ofTree(ApiOperation op, JsonNode tree) {
        if (tree == null) {
            return NONE;
        }
        try {
            return new RequestBody(tree, RecurrenteJson.mapper().writeValueAsBytes(tree));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(
                    op.name(), "body", "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Wraps a flat body under the key the API expects for the operation ({@code {"product": {...}}}); a body that is
     * already wrapped, or an operation without a request root, is returned as is.
     */
    public static JsonNode wrap(ApiOperation op, JsonNode tree) {
        String root = op.requestRoot();
        if (root == null || tree == null || !tree.isObject() || tree.has(root)) {
            return tree;
        }
        ObjectNode wrapped = RecurrenteJson.mapper().createObjectNode();
        wrapped.set(root, tree);
        return wrapped;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
