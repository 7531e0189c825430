package io.github.camelrecurrente.component.client;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelrecurrente.component.RecurrenteException;
import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.model.RecurrenteJson;

/**
 * Binds API answers to the operation's model type straight from the response bytes, with readers built once per
 * operation on its first use (Jackson readers are immutable and thread-safe).
 */
public final class ResponseDecoder {

    private static final ResponseDecoder INSTANCE = new ResponseDecoder(RecurrenteJson.mapper());

    private final ObjectMapper mapper;
    // Built on first use per operation: building all of them up front resolved the deserializer of every model at
    // startup (about 325 classes and 150-200 ms on 2 cores, for operations most apps never call). A race may build
    // an equivalent reader twice, which is harmless.
    private final AtomicReferenceArray<ObjectReader> singleReaders;
    private final AtomicReferenceArray<ObjectReader> listReaders;

    private ResponseDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        int operations = RecurrenteOperation.values().length;
        this.singleReaders = new AtomicReferenceArray<>(operations);
        this.listReaders = new AtomicReferenceArray<>(operations);
    }

    private ObjectReader singleReader(RecurrenteOperation op) {
        return reader(singleReaders, op, false);
    }

    private ObjectReader listReader(RecurrenteOperation op) {
        return reader(listReaders, op, true);
    }

    /** The cached reader of the operation's result type (or a list of it), built on first use. */
    private ObjectReader reader(AtomicReferenceArray<ObjectReader> cache, RecurrenteOperation op, boolean list) {
        ObjectReader reader = cache.get(op.ordinal());
        if (reader == null) {
            reader = list ? mapper.readerForListOf(op.resultType()) : mapper.readerFor(op.resultType());
            cache.set(op.ordinal(), reader);
        }
        return reader;
    }

    public static ResponseDecoder instance() {
        return INSTANCE;
    }

    /** The single object of the answer, or null for an empty body. */
    public Object decodeSingle(RecurrenteOperation op, ApiRequest request, byte[] body) {
        if (isEmpty(body)) {
            return null;
        }
        try {
            return singleReader(op).readValue(body);
        } catch (IOException e) {
            throw unreadable(op, request, e);
        }
    }

    /**
     * The items of a list answer: a bare JSON array, or an object wrapping it (e.g. {@code {"customers": [...]}}),
     * found by the operation's envelope key or else the first array field.
     */
    public <T> List<T> decodeList(RecurrenteOperation op, ApiRequest request, byte[] body) {
        if (isEmpty(body)) {
            return List.of();
        }
        try {
            int first = firstNonBlank(body);
            if (body[first] == '[') {
                return listReader(op).readValue(body);
            }
            JsonNode tree = mapper.readTree(body);
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
                throw new RecurrenteException("The API's answer to " + request.method() + " " + request.path() + " ("
                                              + op + ") holds no list");
            }
            return listReader(op).readValue(array);
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

    private static RecurrenteException unreadable(RecurrenteOperation op, ApiRequest request, IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        return new RecurrenteException("Could not read the API's answer to " + request.method() + " "
                                       + request.path() + " (" + op + ") as " + op.resultType().getSimpleName() + ": "
                                       + detail, e);
    }
}
