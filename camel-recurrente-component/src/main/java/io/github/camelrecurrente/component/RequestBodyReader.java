package io.github.camelrecurrente.component;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;

/**
 * Reads a producer's request body, whatever form it arrives in, into a JSON tree: a typed request object or any
 * POJO, a {@code Map}, or JSON as {@code String}, {@code byte[]}, {@code InputStream} (a platform-http body) and
 * friends. Applies the documented conveniences (a bare URL for updatePaymentIntent, a bare payment intent id for
 * createRefund, header fallbacks) and wraps the body under the operation's request root when the API wants one.
 */
final class RequestBodyReader {

    private final ObjectMapper mapper = RecurrenteJson.mapper();

    /**
     * @return the JSON to send, or null when the operation sends no body
     */
    JsonNode read(RecurrenteOperation op, Message message) {
        if (!op.hasBody()) {
            return null;
        }
        JsonNode tree = toTree(op, message);
        tree = applyHeaderFallbacks(op, tree, message);
        return RecurrenteApi.wrapUnderRequestRoot(op, tree);
    }

    private JsonNode toTree(RecurrenteOperation op, Message message) {
        Object body = message.getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof JsonNode node) {
            return node;
        }
        if (isText(body)) {
            String text = message.getBody(String.class);
            if (text == null || text.isBlank()) {
                return null;
            }
            String trimmed = text.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    return mapper.readTree(trimmed);
                } catch (JsonProcessingException e) {
                    throw new RecurrenteValidationException(op.name(), "body",
                            "is not valid JSON: " + e.getOriginalMessage());
                }
            }
            if (op == RecurrenteOperation.updatePaymentIntent) {
                return mapper.createObjectNode().put("tax_invoice_url", trimmed);
            }
            if (op == RecurrenteOperation.createRefund) {
                return mapper.createObjectNode().put(trimmed.startsWith("in_") ? "intent_id" : "payment_intent_id",
                        trimmed);
            }
            throw new RecurrenteValidationException(op.name(), "body",
                    "must be a JSON object, a Map or a request object; got text that is not JSON");
        }
        try {
            return mapper.valueToTree(body);
        } catch (IllegalArgumentException e) {
            throw new RecurrenteValidationException(op.name(), "body",
                    "of type " + body.getClass().getName() + " cannot be written as JSON: " + firstLine(e));
        }
    }

    private JsonNode applyHeaderFallbacks(RecurrenteOperation op, JsonNode tree, Message message) {
        if (op == RecurrenteOperation.updatePaymentIntent) {
            String url = message.getHeader(RecurrenteConstants.TAX_INVOICE_URL, String.class);
            if (url != null && !url.isBlank() && !hasField(tree, "tax_invoice_url", "payment_intent")) {
                ObjectNode node = tree instanceof ObjectNode o ? o : mapper.createObjectNode();
                ObjectNode target = node.has("payment_intent") && node.get("payment_intent").isObject()
                        ? (ObjectNode) node.get("payment_intent") : node;
                target.put("tax_invoice_url", url);
                return node;
            }
        } else if (op == RecurrenteOperation.createRefund) {
            String id = message.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID, String.class);
            if (id != null && !id.isBlank() && !hasField(tree, "payment_intent_id", null)
                && !hasField(tree, "intent_id", null)) {
                ObjectNode node = tree instanceof ObjectNode o ? o : mapper.createObjectNode();
                node.put(id.startsWith("in_") ? "intent_id" : "payment_intent_id", id);
                return node;
            }
        }
        return tree;
    }

    private static boolean hasField(JsonNode tree, String field, String root) {
        if (tree == null || !tree.isObject()) {
            return false;
        }
        JsonNode v = tree.get(field);
        if (v == null && root != null && tree.get(root) != null) {
            v = tree.get(root).get(field);
        }
        return v != null && !v.isNull() && !v.asText().isBlank();
    }

    private static boolean isText(Object body) {
        return body instanceof CharSequence || body instanceof byte[] || body instanceof InputStream
               || body instanceof Reader || body instanceof StreamCache || body instanceof ByteBuffer;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
