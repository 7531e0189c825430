package io.github.camelrecurrente.component.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.RecurrenteResource;
import io.github.camelrecurrente.component.paging.Page;
import io.github.camelrecurrente.component.paging.PageIterator;

/**
 * The one request path: every call of the component (producer, polling, webhook registration, refetch) goes from an
 * {@link ApiOperation} through here to the {@link RecurrenteClient} and back to a typed answer. Retry safety is
 * decided here (from the operation and the body), list queries are built by {@link ListRequest}, bodies are written
 * by {@link RequestBody}, answers are read by {@link ResponseDecoder}.
 * <p>
 * The client's exceptions ({@link RecurrenteClientException} and its subclasses) pass through the
 * {@link ErrorBoundary} given at construction: the Camel layer turns them into its own exception types there, so
 * that they are translated in one place, including while an {@code allPages} iterator fetches later pages.
 */
public final class RecurrenteApi {

    /** Turns a client exception into what the caller's layer throws. */
    @FunctionalInterface
    public interface ErrorBoundary {
        RuntimeException translate(RecurrenteClientException e);
    }

    /** The answer to a single call: the HTTP status and the decoded model (null for an empty body). */
    public record Result(int status, Object value) {}

    private final RecurrenteClient client;
    private final String updateMethod;
    private final ErrorBoundary boundary;

    /** A client whose exceptions are thrown as they are. */
    public RecurrenteApi(RecurrenteClient client, String updateMethod) {
        this(client, updateMethod, e -> e);
    }

    public RecurrenteApi(RecurrenteClient client, String updateMethod, ErrorBoundary boundary) {
        this.client = client;
        this.updateMethod = updateMethod;
        this.boundary = boundary;
    }

    /**
     * Sends a single-result operation.
     *
     * @param id             resource id for operations that need one, else ignored
     * @param body           the body (see {@link RequestBody}); {@link RequestBody#NONE} for none
     * @param idempotencyKey the Idempotency-Key header, or null
     */
    public Result send(ApiOperation op, String id, RequestBody body, String idempotencyKey) throws IOException {
        return send(op, id, Map.of(), body, idempotencyKey);
    }

    /**
     * Sends a single-result operation with a query (e.g. getCustomer's {@code user_id} lookup).
     *
     * @param query the query parameters, or an empty map
     */
    public Result send(ApiOperation op, String id, Map<String, String> query, RequestBody body, String idempotencyKey)
            throws IOException {
        try {
            if (op.isList()) {
                throw new IllegalArgumentException(op + " is a list operation; use page or pages");
            }
            RequestBody b = body == null ? RequestBody.NONE : body;
            ApiRequest request = new ApiRequest(
                    op.name(),
                    op.httpMethod(updateMethod),
                    op.path(id),
                    query == null ? Map.of() : query,
                    b.bytes(),
                    idempotencyKey,
                    op.isRetrySafe(b.tree()));
            ApiResponse response = client.execute(request);
            return new Result(response.status(), ResponseDecoder.decodeSingle(op, request, response.body()));
        } catch (RecurrenteClientException e) {
            throw boundary.translate(e);
        }
    }

    /**
     * Calls a single-result operation without an exchange.
     *
     * @param id   resource id for operations that need one, else null
     * @param body request object, Map or JsonNode for operations with a body, else null
     */
    @SuppressWarnings("unchecked")
    public <T> T call(ApiOperation op, String id, Object body) throws IOException {
        RequestBody b;
        try {
            b = RequestBody.of(op, body);
        } catch (RecurrenteClientException e) {
            throw boundary.translate(e);
        }
        return (T) send(op, id, b, null).value();
    }

    /** One page of a list call. */
    public <T> Page<T> page(ListRequest list, int number) throws IOException {
        try {
            ApiOperation op = list.operation();
            ApiRequest request = new ApiRequest(
                    op.name(),
                    op.httpMethod(updateMethod),
                    op.path(null),
                    list.query(number),
                    null,
                    null,
                    op.isRetrySafe(null));
            ApiResponse response = client.execute(request);
            List<T> items = ResponseDecoder.decodeList(op, request, response.body());
            return new Page<>(items, number, list.size(), response.pageInfo());
        } catch (RecurrenteClientException e) {
            throw boundary.translate(e);
        }
    }

    /**
     * Every item of a list call from its first page on, fetched page by page as the iterator is consumed; the first
     * page is fetched here, so its errors surface at the call.
     */
    public <T> PageIterator<T> pages(ListRequest list) throws IOException {
        Page<T> first = page(list, list.firstPage());
        return new PageIterator<>(
                n -> page(list, n),
                first,
                list.operation().name(),
                item -> item instanceof RecurrenteResource r ? r.getId() : null);
    }
}
