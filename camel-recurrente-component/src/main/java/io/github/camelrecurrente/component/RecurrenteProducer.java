package io.github.camelrecurrente.component;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.client.ApiOperation;
import io.github.camelrecurrente.component.client.ListRequest;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.client.RecurrenteClientException;
import io.github.camelrecurrente.component.client.RequestBody;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteResource;
import io.github.camelrecurrente.component.paging.Page;
import io.github.camelrecurrente.component.paging.PageInfo;
import io.github.camelrecurrente.component.paging.PageIterator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls one Recurrente API operation per exchange: reads the body (typed request, Map, JSON text, bytes or stream),
 * validates it, sends it with the endpoint's pooled client and puts the typed answer in the body.
 */
public class RecurrenteProducer extends DefaultProducer {

    private final RecurrenteEndpoint endpoint;
    private final RecurrenteConfiguration config;
    // Built on the first exchange, not at startup: the Jackson mapper, the readers and the HTTP client cost about
    // 1 700 classes and 0.5-0.8 s on 2 cores, which an app paid before serving anything (see docs/performance.md)
    private volatile RequestBodyReader bodyReader;
    private volatile RecurrenteApi api;
    private Object credentialsCheck;

    public RecurrenteProducer(RecurrenteEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.requireSecretKey(); // still a startup error, as before
        api = null;
        credentialsCheck =
                endpoint.getComponent().getObservability().acquireCredentialsCheck(config, endpoint.clientSettings());
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().getObservability().releaseCredentialsCheck(credentialsCheck);
        credentialsCheck = null;
        super.doStop();
    }

    private RecurrenteApi api() {
        RecurrenteApi a = api;
        if (a == null) {
            a = endpoint.getApi();
            api = a;
        }
        return a;
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
        try {
            send(exchange);
        } catch (RecurrenteClientException e) {
            throw RecurrenteException.of(e); // a list request's items/page, a body that cannot be written
        } catch (RecurrenteApiException e) {
            handOverRetryAfter(exchange, e);
            throw e;
        }
    }

    /**
     * A Retry-After the client would not sleep on (above maxRetryAfter) becomes the {@code CamelRedeliveryDelay}
     * header, which Camel's error handler uses as the delay before its next redelivery (with
     * asyncDelayedRedelivery no thread waits); the redelivery resets the message, so the header does not stay.
     */
    static void handOverRetryAfter(Exchange exchange, RecurrenteApiException e) {
        if (e.getRetryAfter() != null) {
            exchange.getMessage()
                    .setHeader(Exchange.REDELIVERY_DELAY, e.getRetryAfter().toMillis());
        }
    }

    private void send(Exchange exchange) throws IOException {
        Message in = exchange.getMessage();
        RecurrenteOperation op = operation(in);
        if (op.isList()) {
            processList(in, op);
            return;
        }
        String id = op.needsId() ? id(op, in) : null;
        RequestBody body = requestBody(op, in);
        String idempotencyKey = null;
        if (op.isCreate() && config.isSendIdempotencyKey()) {
            idempotencyKey = in.getHeader(RecurrenteConstants.IDEMPOTENCY_KEY, String.class);
            if (idempotencyKey == null || idempotencyKey.isBlank()) {
                idempotencyKey = "camel-" + exchange.getExchangeId() + "-" + op.name();
            }
        }
        RecurrenteApi.Result result = api().send(op.spec(), id, singleQuery(op, in), body, idempotencyKey);
        in.setHeader(RecurrenteConstants.HTTP_STATUS, result.status());
        if (result.value() instanceof RecurrenteResource resource && resource.getId() != null) {
            in.setHeader(RecurrenteConstants.ID, resource.getId());
        }
        in.setBody(result.value());
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
            return RequestBody.ofBytes(bytes);
        }
        JsonNode tree = reader.read(op, in);
        if (config.isValidateRequests()) {
            RequestValidator.validate(op, tree);
        }
        endpoint.undocumentedFieldWarnings().check(op, tree);
        return RequestBody.ofTree(op.spec(), tree);
    }

    private void processList(Message in, RecurrenteOperation op) throws IOException {
        boolean allPages = in.getHeader(RecurrenteConstants.ALL_PAGES, config.isAllPages(), Boolean.class);
        ApiOperation spec = op.spec();
        Map<String, String> filters = ListRequest.filters(
                spec,
                in.getHeader(RecurrenteConstants.FROM_TIME, config.getFromTime(), String.class),
                in.getHeader(RecurrenteConstants.UNTIL_TIME, config.getUntilTime(), String.class),
                in.getHeader(RecurrenteConstants.USER_ID, config.getUserId(), String.class));
        ListRequest list = new ListRequest(
                spec,
                filters,
                in.getHeader(RecurrenteConstants.PAGE, config.getPage(), Integer.class),
                in.getHeader(RecurrenteConstants.ITEMS, config.getItems(), Integer.class),
                allPages);
        RecurrenteApi api = api();
        Page<Object> firstPage = api.page(list, list.firstPage());
        in.setHeader(RecurrenteConstants.HTTP_STATUS, 200);
        setPageHeaders(in, firstPage);
        if (allPages) {
            in.setBody(new PageIterator<>(
                    n -> api.page(list, n),
                    firstPage,
                    op.name(),
                    item -> item instanceof RecurrenteResource r ? r.getId() : null,
                    endpoint.getObserver()::listEndedAtRepeatedPage));
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

    private RecurrenteOperation operation(Message in) {
        Object header = in.getHeader(RecurrenteConstants.OPERATION);
        if (header == null) {
            return config.getOperation();
        }
        RecurrenteOperation op =
                header instanceof RecurrenteOperation o ? o : RecurrenteComponent.parseOperation(header.toString());
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

    private String id(RecurrenteOperation op, Message in) {
        String id = in.getHeader(RecurrenteConstants.ID, String.class);
        if (id == null || id.isBlank()) {
            id = config.getId();
        }
        if ((id == null || id.isBlank()) && customerUserId(op, in) != null) {
            id = customerUserId(op, in); // our choice: the notes show no path id for the lookup by user id
        }
        if (id == null || id.isBlank()) {
            throw new RecurrenteValidationException(
                    op.name(),
                    "id",
                    "is required: set the header " + RecurrenteConstants.ID + " or the endpoint option id");
        }
        RequestValidator.validateId(op, id);
        return id;
    }
}
