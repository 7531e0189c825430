package io.github.camelrecurrente.component;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.component.client.RequestBody;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.TransferSetup;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;

/**
 * Reads a producer's request body, whatever form it arrives in, into a JSON tree: a typed request object or any
 * POJO, a {@code Map}, or JSON as {@code String}, {@code byte[]}, {@code InputStream} (a platform-http body) and
 * friends. Applies the documented conveniences (a bare URL for updatePaymentIntent, a bare payment intent id for
 * createRefund, header fallbacks) and wraps the body under the operation's request root when the API wants one.
 * <p>
 * A plain {@link CheckoutRequest} for createCheckout can skip the tree ({@link #typedCheckout}): it is written
 * straight to bytes ({@link #writeCheckout}), which gives the same bytes as writing its tree.
 */
final class RequestBodyReader {

    /**
     * Metadata value types whose JSON tree node writes and reads back exactly as the value itself (a
     * {@code BigDecimal}, say, loses its trailing zeros in a tree) and whose text is what the tree's text is.
     */
    private static final Set<Class<?>> SCALARS = Set.of(
            String.class, Boolean.class, Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class);

    private final ObjectMapper mapper = RecurrenteJson.mapper();
    private final ObjectWriter checkoutWriter = mapper.writerFor(CheckoutRequest.class);

    /**
     * @return the JSON to send, or null when the operation sends no body
     */
    JsonNode read(RecurrenteOperation op, Message message) {
        if (!op.hasBody()) {
            return null;
        }
        JsonNode tree = toTree(op, message);
        tree = applyHeaderFallbacks(op, tree, message);
        return RequestBody.wrap(op.spec(), tree);
    }

    /**
     * The body as a {@link CheckoutRequest} that can be validated and written without a JSON tree, or null when the
     * tree path must run: another operation, another body type (subclasses included), or a request whose tree could
     * differ from its typed fields (see {@link #sameAsTree}).
     */
    static CheckoutRequest typedCheckout(RecurrenteOperation op, Message message) {
        if (op != RecurrenteOperation.createCheckout) {
            return null; // and the body is not even looked at
        }
        Object body = message.getBody();
        if (body == null || body.getClass() != CheckoutRequest.class) {
            return null;
        }
        CheckoutRequest request = (CheckoutRequest) body;
        return sameAsTree(request) ? request : null;
    }

    /**
     * Whether the JSON tree of this request would say exactly what its typed fields say, so that validating the
     * fields and writing the object directly are the same as validating and writing its tree: no undeclared
     * properties on the request, its items or transfer setups; items and transfer setups exactly of the model
     * classes (no subclasses, no nulls); metadata keyed by strings, with {@link #SCALARS} or null values; string
     * and integer lists holding only strings and integers.
     */
    static boolean sameAsTree(CheckoutRequest request) {
        if (request.hasAdditionalProperties()
                || !scalarMetadata(request.getMetadata())
                || !onlyOf(request.getPaymentMethodTypes(), String.class)) {
            return false;
        }
        List<?> items = request.getItems();
        if (items != null) {
            for (Object item : items) {
                if (item == null || item.getClass() != CheckoutItem.class || !sameAsTree((CheckoutItem) item)) {
                    return false;
                }
            }
        }
        List<?> setups = request.getTransferSetups();
        if (setups != null) {
            for (Object setup : setups) {
                if (setup == null
                        || setup.getClass() != TransferSetup.class
                        || ((TransferSetup) setup).hasAdditionalProperties()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameAsTree(CheckoutItem item) {
        return !item.hasAdditionalProperties()
                && scalarMetadata(item.getMetadata())
                && onlyOf(item.getPaymentMethodTypes(), String.class)
                && onlyOf(item.getAvailableInstallments(), Integer.class);
    }

    private static boolean scalarMetadata(Map<?, ?> metadata) {
        if (metadata == null) {
            return true;
        }
        for (Map.Entry<?, ?> e : metadata.entrySet()) {
            Object value = e.getValue();
            if (!(e.getKey() instanceof String) || (value != null && !SCALARS.contains(value.getClass()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every element of the list (if any) is null or exactly of the type. */
    private static boolean onlyOf(List<?> list, Class<?> type) {
        if (list != null) {
            for (Object o : list) {
                if (o != null && o.getClass() != type) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A {@link #typedCheckout typed checkout} as JSON bytes, written directly with a writer made once; null when
     * Jackson cannot write it, so that the tree path runs and reports the problem exactly as it always has.
     */
    byte[] writeCheckout(CheckoutRequest request) {
        try {
            return checkoutWriter.writeValueAsBytes(request);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
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
                    throw new RecurrenteValidationException(
                            op.name(), "body", "is not valid JSON: " + e.getOriginalMessage());
                }
            }
            if (op == RecurrenteOperation.updatePaymentIntent) {
                return mapper.createObjectNode().put("tax_invoice_url", trimmed);
            }
            if (op == RecurrenteOperation.createRefund) {
                // the reference's field; an in_... id is refused by the validator with the id it needs
                return mapper.createObjectNode().put("payment_intent_id", trimmed);
            }
            throw new RecurrenteValidationException(
                    op.name(), "body", "must be a JSON object, a Map or a request object; got text that is not JSON");
        }
        try {
            return mapper.valueToTree(body);
        } catch (IllegalArgumentException e) {
            throw new RecurrenteValidationException(
                    op.name(),
                    "body",
                    "of type " + body.getClass().getName() + " cannot be written as JSON: " + firstLine(e));
        }
    }

    private JsonNode applyHeaderFallbacks(RecurrenteOperation op, JsonNode tree, Message message) {
        if (op == RecurrenteOperation.updatePaymentIntent) {
            String url = message.getHeader(RecurrenteConstants.TAX_INVOICE_URL, String.class);
            if (url != null && !url.isBlank() && !hasField(tree, "tax_invoice_url", "payment_intent")) {
                ObjectNode node = tree instanceof ObjectNode o ? o : mapper.createObjectNode();
                ObjectNode target =
                        node.has("payment_intent") && node.get("payment_intent").isObject()
                                ? (ObjectNode) node.get("payment_intent")
                                : node;
                target.put("tax_invoice_url", url);
                return node;
            }
        } else if (op == RecurrenteOperation.createRefund) {
            String id = message.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID, String.class);
            if (id != null
                    && !id.isBlank()
                    && !hasField(tree, "payment_intent_id", null)
                    && !hasField(tree, "intent_id", null)) {
                ObjectNode node = tree instanceof ObjectNode o ? o : mapper.createObjectNode();
                node.put("payment_intent_id", id);
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
        return body instanceof CharSequence
                || body instanceof byte[]
                || body instanceof InputStream
                || body instanceof Reader
                || body instanceof StreamCache
                || body instanceof ByteBuffer;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
