package io.github.camelrecurrente.component.client;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.model.RecurrenteJson;

/**
 * Binds API answers to the operation's model type straight from the response bytes, with the readers its
 * {@link ApiOperation} builds once on first use (Jackson readers are immutable and thread-safe).
 */
final class ResponseDecoder {

    private ResponseDecoder() {}

    /** The single object of the answer, or null for an empty body. */
    static Object decodeSingle(ApiOperation op, ApiRequest request, byte[] body) {
        if (isEmpty(body)) {
            return null;
        }
        try {
            return op.singleReader().readValue(body);
        } catch (IOException e) {
            throw unreadable(op, request, e);
        }
    }

    /**
     * The items of a list answer: a bare JSON array, or an object wrapping it (e.g. {@code {"customers": [...]}}),
     * found by the operation's envelope key or else the first array field.
     */
    static <T> List<T> decodeList(ApiOperation op, ApiRequest request, byte[] body) {
        if (isEmpty(body)) {
            return List.of();
        }
        try {
            int first = firstNonBlank(body);
            if (body[first] == '[') {
                return op.listReader().readValue(body);
            }
            JsonNode tree = RecurrenteJson.mapper().readTree(body);
            JsonNode array = op.listEnvelope() != null ? tree.get(op.listEnvelope()) : null;
            if (array == null || !array.isArray()) {
                array = null;
                for (JsonNode child : tree) {
                    if (child.isArray()) {
                        array = child;
                        break;
                    }
                }
            }
            if (array == null) {
                throw new RecurrenteClientException("The API's answer to " + request.method() + " " + request.path()
                        + " (" + op + ") holds no list");
            }
            return op.listReader().readValue(array);
        } catch (IOException e) {
            throw unreadable(op, request, e);
        }
    }

    private static boolean isEmpty(byte[] body) {
        return body == null || body.length == 0 || firstNonBlank(body) == body.length;
    }

    private static int firstNonBlank(byte[] body) {
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static RecurrenteClientException unreadable(ApiOperation op, ApiRequest request, IOException e) {
        String detail = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        return new RecurrenteClientException(
                "Could not read the API's answer to " + request.method() + " "
                        + request.path() + " (" + op + ") as "
                        + op.resultType().getSimpleName() + ": " + detail,
                e);
    }
}
