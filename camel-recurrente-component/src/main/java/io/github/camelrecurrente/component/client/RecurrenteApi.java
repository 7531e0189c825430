package io.github.camelrecurrente.component.client;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.component.RecurrenteException;
import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.model.RecurrenteJson;

/**
 * Typed calls for code inside the component (webhook registration, refetch, polling) that has no exchange: the same
 * client, retry rule, wrapping and decoding as the producer.
 */
public final class RecurrenteApi {

    private final RecurrenteClient client;
    private final String updateMethod;
    private final ResponseDecoder decoder = ResponseDecoder.instance();

    public RecurrenteApi(RecurrenteClient client, String updateMethod) {
        this.client = client;
        this.updateMethod = updateMethod;
    }

    /**
     * Calls a single-result operation.
     *
     * @param id   resource id for operations that need one, else null
     * @param body request object, Map or JsonNode for operations with a body, else null
     */
    @SuppressWarnings("unchecked")
    public <T> T call(RecurrenteOperation op, String id, Object body) throws IOException {
        if (op.isList()) {
            throw new IllegalArgumentException(op + " is a list operation; use list or listAll");
        }
        byte[] bytes = op.hasBody() ? toBytes(op, body) : null;
        ApiRequest request = new ApiRequest(op.name(), op.httpMethod(updateMethod), op.path(id), Map.of(), bytes,
                null, !op.isCreate());
        ApiResponse response = client.execute(request);
        return (T) decoder.decodeSingle(op, request, response.body());
    }

    /** One page of a list operation. */
    public <T> Page<T> list(RecurrenteOperation op, Map<String, String> filters, int page, int items)
            throws IOException {
        if (!op.isList()) {
            throw new IllegalArgumentException(op + " is not a list operation");
        }
        Map<String, String> query = new LinkedHashMap<>(filters == null ? Map.of() : filters);
        query.put("page", Integer.toString(page));
        query.put("items", Integer.toString(items));
        ApiRequest request = new ApiRequest(op.name(), "GET", op.path(null), query, null, null, true);
        ApiResponse response = client.execute(request);
        List<T> list = decoder.decodeList(op, request, response.body());
        return new Page<>(list, page, items, response.pageInfo());
    }

    /** Every item of a list operation, newest first, fetched page by page as the iterator is consumed. */
    public <T> Iterator<T> listAll(RecurrenteOperation op, Map<String, String> filters, int items)
            throws IOException {
        Page<T> first = list(op, filters, 1, items);
        return new PageIterator<>(n -> list(op, filters, n, items), first);
    }

    /**
     * Wraps a flat body under the key the API expects for the operation ({@code {"product": {...}}}); a body that is
     * already wrapped, or an operation without a request root, is returned as is.
     */
    public static JsonNode wrapUnderRequestRoot(RecurrenteOperation op, JsonNode tree) {
        String root = op.requestRoot();
        if (root == null || tree == null || !tree.isObject() || tree.has(root)) {
            return tree;
        }
        ObjectNode wrapped = RecurrenteJson.mapper().createObjectNode();
        wrapped.set(root, tree);
        return wrapped;
    }

    private static byte[] toBytes(RecurrenteOperation op, Object body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode tree = body instanceof JsonNode n ? n : RecurrenteJson.mapper().valueToTree(body);
            return RecurrenteJson.mapper().writeValueAsBytes(wrapUnderRequestRoot(op, tree));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RecurrenteException("Cannot write the " + op + " request as JSON: " + e.getMessage(), e);
        }
    }
}
