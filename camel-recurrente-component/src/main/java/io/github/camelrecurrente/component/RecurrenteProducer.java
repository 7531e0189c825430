package io.github.camelrecurrente.component;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.client.ApiRequest;
import io.github.camelrecurrente.component.client.ApiResponse;
import io.github.camelrecurrente.component.client.Page;
import io.github.camelrecurrente.component.client.PageInfo;
import io.github.camelrecurrente.component.client.PageIterator;
import io.github.camelrecurrente.component.client.RecurrenteClient;
import io.github.camelrecurrente.component.client.RequestValidator;
import io.github.camelrecurrente.component.client.ResponseDecoder;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls one Recurrente API operation per exchange: reads the body (typed request, Map, JSON text, bytes or stream),
 * validates it, sends it with the endpoint's pooled client and puts the typed answer in the body.
 */
public class RecurrenteProducer extends DefaultProducer {

    /** Page size used by allPages when the items option is not set: the API's maximum. */
    static final int ALL_PAGES_DEFAULT_SIZE = 100;
    /** The API's default page size. */
    static final int API_DEFAULT_PAGE_SIZE = 10;

    private static final ClassValue<MethodHandle> ID_GETTERS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "getId", MethodType.methodType(String.class));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    };

    private final RecurrenteEndpoint endpoint;
    private final RecurrenteConfiguration config;
    // Built on the first exchange, not at startup: the Jackson mapper, the readers and the HTTP client cost about
    // 1 700 classes and 0.5-0.8 s on 2 cores, which an app paid before serving anything (see docs/performance.md)
    private volatile RequestBodyReader bodyReader;
    private volatile RecurrenteClient client;

    public RecurrenteProducer(RecurrenteEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.requireSecretKey(); // still a startup error, as before
        client = null;
    }

    private RecurrenteClient client() {
        RecurrenteClient c = client;
        if (c == null) {
            c = endpoint.getClient();
            client = c;
        }
        return c;
    }

    private RequestBodyReader bodyReader() {
        RequestBodyReader r = bodyReader;
        if (r == null) {
            r = new RequestBodyReader();
            bodyReader = r;
        }
        return r;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        RecurrenteOperation op = operation(in);
        String path = path(op, in);
        RequestBody body = requestBody(op, in);
        String method = op.httpMethod(config.getUpdateMethod());
        String idempotencyKey = null;
        if (op.isCreate() && config.isSendIdempotencyKey()) {
            idempotencyKey = in.getHeader(RecurrenteConstants.IDEMPOTENCY_KEY, String.class);
            if (idempotencyKey == null || idempotencyKey.isBlank()) {
                idempotencyKey = "camel-" + exchange.getExchangeId() + "-" + op.name();
            }
        }
        boolean retrySafe = !op.isCreate()
                            || (op == RecurrenteOperation.createTerminalSessionCommand && body.tree() != null
                                && body.tree().hasNonNull("external_id"));

        if (op.isList()) {
            processList(exchange, in, op, path, method, retrySafe);
            return;
        }
        ApiRequest request = new ApiRequest(op.name(), method, path, singleQuery(op, in), body.bytes(), idempotencyKey,
                retrySafe);
        ApiResponse response = client().execute(request);
        Object result = ResponseDecoder.instance().decodeSingle(op, request, response.body());
        in.setHeader(RecurrenteConstants.HTTP_STATUS, response.status());
        String id = idOf(result);
        if (id != null) {
            in.setHeader(RecurrenteConstants.ID, id);
        }
        in.setBody(result);
    }

    /**
     * The request body, read, validated (when validateRequests is on) and written: a plain {@link CheckoutRequest}
     * for createCheckout is checked and written as it is (see {@link RequestBodyReader#typedCheckout}); every other
     * body goes through its JSON tree. Both give the same bytes and the same validation errors.
     */
    RequestBody requestBody(RecurrenteOperation op, Message in) {
        RequestBodyReader reader = bodyReader();
        CheckoutRequest checkout = RequestBodyReader.typedCheckout(op, in);
        byte[] bytes = checkout == null ? null : reader.writeCheckout(checkout);
        if (bytes != null) {
            if (config.isValidateRequests()) {
                RequestValidator.validateCheckout(checkout);
            }
            return new RequestBody(null, bytes);
        }
        JsonNode tree = reader.read(op, in);
        if (config.isValidateRequests()) {
            RequestValidator.validate(op, tree);
        }
        endpoint.undocumentedFieldWarnings().check(op, tree);
        return new RequestBody(tree, tree == null ? null : toBytes(op, tree));
    }

    /**
     * A request body ready to send.
     *
     * @param tree  the JSON tree it was written from, or null (no body, or a typed checkout written directly)
     * @param bytes the JSON to send, or null when the operation sends no body
     */
    record RequestBody(JsonNode tree, byte[] bytes) {
    }

    private void processList(Exchange exchange, Message in, RecurrenteOperation op, String path, String method,
                             boolean retrySafe)
            throws IOException {
        boolean allPages = in.getHeader(RecurrenteConstants.ALL_PAGES, config.isAllPages(), Boolean.class);
        Integer items = in.getHeader(RecurrenteConstants.ITEMS, config.getItems(), Integer.class);
        if (items != null && (items < 1 || items > 100)) {
            throw new RecurrenteValidationException(op.name(), "items", "must be between 1 and 100, was " + items);
        }
        Integer page = in.getHeader(RecurrenteConstants.PAGE, config.getPage(), Integer.class);
        if (page != null && page < 1) {
            throw new RecurrenteValidationException(op.name(), "page", "must be 1 or more, was " + page);
        }
        Map<String, String> filters = filters(op, in);
        int size = items != null ? items : allPages ? ALL_PAGES_DEFAULT_SIZE : API_DEFAULT_PAGE_SIZE;
        boolean sendItems = items != null || allPages;
        int first = page != null ? page : 1;

        PageIterator.PageFetcher<Object> fetcher = number -> {
            Map<String, String> query = new LinkedHashMap<>(filters);
            if (number != 1 || page != null) {
                query.put("page", Integer.toString(number));
            }
            if (sendItems) {
                query.put("items", Integer.toString(size));
            }
            ApiRequest request = new ApiRequest(op.name(), method, path, query, null, null, retrySafe);
            ApiResponse response = client().execute(request);
            List<Object> list = ResponseDecoder.instance().decodeList(op, request, response.body());
            return new Page<>(list, number, size, response.pageInfo());
        };
        Page<Object> firstPage = fetcher.fetch(first);
        in.setHeader(RecurrenteConstants.HTTP_STATUS, 200);
        setPageHeaders(in, firstPage);
        if (allPages) {
            in.setBody(new PageIterator<>(fetcher, firstPage, op.name(), RecurrenteProducer::idOf));
        } else {
            in.setBody(firstPage.items());
        }
    }

    private static void setPageHeaders(Message in, Page<?> page) {
        PageInfo info = page.info();
        if (info.currentPage() != null) {
            in.setHeader(RecurrenteConstants.CURRENT_PAGE, info.currentPage());
        }
        if (info.pageItems() != null) {
            in.setHeader(RecurrenteConstants.PAGE_ITEMS, info.pageItems());
        }
        if (info.totalPages() != null) {
            in.setHeader(RecurrenteConstants.TOTAL_PAGES, info.totalPages());
        }
        if (info.totalCount() != null) {
            in.setHeader(RecurrenteConstants.TOTAL_COUNT, info.totalCount());
        }
        if (info.link() != null) {
            in.setHeader(RecurrenteConstants.LINK, info.link());
        }
        Integer next = page.nextPage();
        if (next != null) {
            in.setHeader(RecurrenteConstants.NEXT_PAGE, next);
        } else {
            in.removeHeader(RecurrenteConstants.NEXT_PAGE);
        }
    }

    private Map<String, String> filters(RecurrenteOperation op, Message in) {
        Map<String, String> q = new LinkedHashMap<>();
        if (op == RecurrenteOperation.listCheckouts || op == RecurrenteOperation.listIntents) {
            put(q, "from_time", in.getHeader(RecurrenteConstants.FROM_TIME, config.getFromTime(), String.class));
            put(q, "until_time", in.getHeader(RecurrenteConstants.UNTIL_TIME, config.getUntilTime(), String.class));
        }
        if (op == RecurrenteOperation.listCheckouts) {
            put(q, "user_id", in.getHeader(RecurrenteConstants.USER_ID, config.getUserId(), String.class));
        }
        return q;
    }

    private static void put(Map<String, String> q, String key, String value) {
        if (value != null && !value.isBlank()) {
            q.put(key, value);
        }
    }

    private RecurrenteOperation operation(Message in) {
        Object header = in.getHeader(RecurrenteConstants.OPERATION);
        if (header == null) {
            return config.getOperation();
        }
        RecurrenteOperation op = header instanceof RecurrenteOperation o
                ? o : RecurrenteComponent.parseOperation(header.toString());
        if (op == RecurrenteOperation.events) {
            throw new IllegalArgumentException(
                    "Header " + RecurrenteConstants.OPERATION + " names 'events', a consumer; name an API operation");
        }
        return op;
    }

    /** The query of a single-object call: getCustomer's user_id lookup, else none. */
    private Map<String, String> singleQuery(RecurrenteOperation op, Message in) {
        String userId = customerUserId(op, in);
        return userId == null ? Map.of() : Map.of("user_id", userId);
    }

    /**
     * getCustomer by user id ("GET /customers/{id} (or ?user_id=usr_...)" in the reference notes): the header
     * CamelRecurrenteUserId or the option userId; null for other operations or without one.
     */
    private String customerUserId(RecurrenteOperation op, Message in) {
        if (op != RecurrenteOperation.getCustomer) {
            return null;
        }
        String userId = in.getHeader(RecurrenteConstants.USER_ID, config.getUserId(), String.class);
        return userId == null || userId.isBlank() ? null : userId.trim();
    }

    private String path(RecurrenteOperation op, Message in) {
        if (!op.needsId()) {
            return op.pathTemplate();
        }
        String id = in.getHeader(RecurrenteConstants.ID, String.class);
        if (id == null || id.isBlank()) {
            id = config.getId();
        }
        if ((id == null || id.isBlank()) && customerUserId(op, in) != null) {
            id = customerUserId(op, in); // our choice: the notes show no path id for the lookup by user id
        }
        if (id == null || id.isBlank()) {
            throw new RecurrenteValidationException(op.name(), "id",
                    "is required: set the header " + RecurrenteConstants.ID + " or the endpoint option id");
        }
        RequestValidator.validateId(op, id);
        return op.path(id);
    }

    private static byte[] toBytes(RecurrenteOperation op, JsonNode body) {
        try {
            return RecurrenteJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new RecurrenteValidationException(op.name(), "body", "cannot be written as JSON: "
                                                                       + e.getOriginalMessage());
        }
    }

    private static String idOf(Object result) {
        if (result == null) {
            return null;
        }
        MethodHandle getter = ID_GETTERS.get(result.getClass());
        if (getter == null) {
            return null;
        }
        try {
            return (String) getter.invoke(result);
        } catch (Throwable e) {
            return null;
        }
    }
}
