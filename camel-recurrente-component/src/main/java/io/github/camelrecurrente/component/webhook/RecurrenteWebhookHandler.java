package io.github.camelrecurrente.component.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.RecurrenteEventMessage;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEventParseException;
import io.github.camelrecurrente.component.observe.EndpointObserver;
import io.github.camelrecurrente.component.observe.WebhookOutcome;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one webhook delivery on the HTTP server's worker thread, in this order:
 * <ol>
 * <li>not POST: 405; body over {@code maxBodySize}: 413</li>
 * <li>Svix signature and timestamp on the raw bytes (when {@code verifySignature}): 401, the route is not invoked</li>
 * <li>parse to a typed {@link RecurrenteEvent}: 400 when not JSON or not an event</li>
 * <li>{@code eventTypes} filter: events outside the list are answered 200 and not routed</li>
 * <li>de-duplication on the delivery id ({@code svix-id}): a delivery whose id the idempotent repository already
 * holds is answered 200 without routing; the id is recorded ({@code add} + {@code confirm}) only after the route
 * completed, so a route failure, or a crash in the middle of the route, leaves it unrecorded and the sender's retry is
 * processed: nothing is lost. A second delivery of an id still being processed on this node is answered 409 so the
 * sender retries it later.</li>
 * <li>optional refetch of the canonical object: 503 when the API cannot be reached (the sender retries)</li>
 * <li>the route: 200 once it completed, 500 when it failed (the exception stays in
 * {@link Exchange#EXCEPTION_CAUGHT}, the body never carries a stack trace)</li>
 * </ol>
 * Response bodies are short fixed texts; nothing from the request, and never a secret, is echoed.
 */
public class RecurrenteWebhookHandler extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RecurrenteWebhookHandler.class);

    static final String[] ID_HEADERS = {"svix-id", "webhook-id"};
    static final String[] TIMESTAMP_HEADERS = {"svix-timestamp", "webhook-timestamp"};
    static final String[] SIGNATURE_HEADERS = {"svix-signature", "webhook-signature"};
    private static final byte[] EMPTY = new byte[0];

    private final RecurrenteWebhook webhook;
    private final RecurrenteConfiguration configuration;
    private final Processor next;
    private final EndpointObserver observer;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private volatile SvixSignatureVerifier verifier;
    private volatile EventTypeFilter filter = EventTypeFilter.parse(null);
    private volatile IdempotentRepository repository;
    private Object healthCheck;

    public RecurrenteWebhookHandler(RecurrenteWebhook webhook, Processor next) {
        this.webhook = webhook;
        this.configuration = webhook.getConfiguration();
        this.next = next;
        this.observer = webhook.getEndpoint().getObserver();
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.getMaxBodySize() <= 0) {
            throw new IllegalArgumentException(
                    "recurrente:events: maxBodySize must be positive, got " + configuration.getMaxBodySize());
        }
        filter = EventTypeFilter.parse(configuration.getEventTypes());
        if (configuration.isVerifySignature()) {
            List<String> secrets = webhook.resolveSecrets();
            if (secrets.isEmpty()) {
                throw new IllegalArgumentException(
                        "recurrente:events: verifySignature is true but no webhook signing secret is configured. Set"
                                + " webhookSecret (the whsec_... secret of the endpoint, e.g."
                                + " {{env:RECURRENTE_WEBHOOK_SECRET}}), or use webhook:recurrente:events"
                                + " with auto-registration and webhookSecretFile, or set"
                                + " verifySignature=false (not for production).");
            }
            verifier = SvixSignatureVerifier.of(secrets, configuration.getToleranceSeconds());
        } else {
            verifier = null;
            LOG.warn(
                    "recurrente:events on {} does NOT verify webhook signatures (verifySignature=false): anybody who can"
                            + " reach it can inject events",
                    webhook.describePath());
        }
        repository = webhook.idempotentRepository();
        CamelContextAware.trySetCamelContext(repository, webhook.getEndpoint().getCamelContext());
        ServiceHelper.startService(repository);
        healthCheck = webhook.getEndpoint()
                .getComponent()
                .getObservability()
                .registerWebhookCheck(observer, webhook.describePath());
        LOG.info(
                "recurrente:events receiving on {} (signatures: {}, eventTypes: {}, idempotentRepository: {})",
                webhook.describePath(),
                verifier == null ? "not verified" : verifier.secretCount() + " secret(s)",
                filter.acceptsAll() ? "all" : configuration.getEventTypes(),
                repository.getClass().getSimpleName());
    }

    @Override
    protected void doStop() throws Exception {
        webhook.getEndpoint().getComponent().getObservability().unregisterWebhookCheck(healthCheck);
        healthCheck = null;
        ServiceHelper.stopService(repository);
        inFlight.clear();
    }

    /** The verifier in use (null when signatures are not verified or before start). */
    public SvixSignatureVerifier getVerifier() {
        return verifier;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if (method != null && !"POST".equalsIgnoreCase(method)) {
            respond(exchange, 405, "method not allowed");
            exchange.getMessage().setHeader("Allow", "POST");
            observer.delivery(WebhookOutcome.REJECTED_METHOD, null, header(in, ID_HEADERS), 405);
            return;
        }
        long max = configuration.getMaxBodySize();
        long declared = declaredLength(in.getHeader("Content-Length"));
        if (declared > max) {
            respond(exchange, 413, "payload too large");
            observer.delivery(WebhookOutcome.REJECTED_TOO_LARGE, null, header(in, ID_HEADERS), 413);
            return;
        }
        byte[] body = in.getBody(byte[].class);
        if (body == null) {
            body = EMPTY;
        }
        if (body.length > max) {
            respond(exchange, 413, "payload too large");
            observer.delivery(WebhookOutcome.REJECTED_TOO_LARGE, null, header(in, ID_HEADERS), 413);
            return;
        }
        String id = header(in, ID_HEADERS);
        String timestamp = header(in, TIMESTAMP_HEADERS);
        SvixSignatureVerifier v = verifier;
        if (v != null) {
            SvixSignatureVerifier.Result result = v.verify(id, timestamp, header(in, SIGNATURE_HEADERS), body);
            if (result != SvixSignatureVerifier.Result.VALID) {
                respond(exchange, 401, result.reason());
                observer.delivery(rejection(result), null, id, 401);
                return;
            }
        }
        RecurrenteEvent event;
        try {
            event = EventParser.parse(body);
        } catch (RecurrenteEventParseException e) {
            respond(exchange, 400, "not a Recurrente event");
            observer.delivery(WebhookOutcome.REJECTED_MALFORMED, null, id, 400);
            return;
        }
        String eventType = event.getEventType();
        if (!filter.matches(eventType)) {
            LOG.debug("Ignored webhook delivery {} of type {} (not in eventTypes)", id, eventType);
            respond(exchange, 200, "ignored");
            observer.delivery(WebhookOutcome.IGNORED, eventType, id, 200);
            return;
        }
        IdempotentRepository repo = repository;
        boolean dedupe = id != null && !id.isEmpty() && repo != null;
        if (dedupe) {
            if (!inFlight.add(id)) {
                LOG.debug("Webhook delivery {} is already being processed; answered 409", id);
                respond(exchange, 409, "delivery in progress");
                observer.delivery(WebhookOutcome.IN_FLIGHT_DUPLICATE, eventType, id, 409);
                return;
            }
            boolean seen;
            try {
                seen = repo.contains(id);
            } catch (RuntimeException e) {
                inFlight.remove(id);
                LOG.warn("Webhook delivery {}: the idempotent repository failed ({}); answered 503", id, e.toString());
                respond(exchange, 503, "temporarily unavailable");
                observer.delivery(WebhookOutcome.UNAVAILABLE, eventType, id, 503);
                return;
            }
            if (seen) {
                inFlight.remove(id);
                LOG.debug("Webhook delivery {} was already processed; answered 200 without routing", id);
                respond(exchange, 200, "duplicate");
                observer.delivery(WebhookOutcome.DUPLICATE, eventType, id, 200);
                return;
            }
        }
        try {
            route(exchange, in, body, event, id, timestamp, dedupe, repo);
        } finally {
            if (dedupe) {
                inFlight.remove(id);
            }
        }
    }

    private void route(
            Exchange exchange,
            Message in,
            byte[] raw,
            RecurrenteEvent event,
            String id,
            String timestamp,
            boolean dedupe,
            IdempotentRepository repo) {
        RecurrenteEventMessage.populate(in, event, id, timestamp);
        in.setHeader(RecurrenteConstants.RAW_BODY, raw);
        String resourceId = event.getResourceId();
        if (configuration.isRefetch()) {
            try {
                Object canonical = EventRefetcher.fetch(webhook.getEndpoint().getApi(), event);
                if (canonical != null) {
                    in.setHeader(RecurrenteConstants.CANONICAL, canonical);
                }
            } catch (Exception e) {
                LOG.warn(
                        "Webhook delivery {} ({}): refetching {} failed ({}); answered 503 so it is retried",
                        id,
                        event.getEventType(),
                        resourceId,
                        e.getMessage());
                respond(exchange, 503, "refetch failed");
                observer.delivery(WebhookOutcome.UNAVAILABLE, event.getEventType(), id, 503);
                return;
            }
        }
        Exception failure;
        long routeStart = System.nanoTime();
        try {
            next.process(exchange);
            failure = exchange.getException();
            if (failure == null && exchange.isRollbackOnly()) {
                failure = new IllegalStateException("the route marked the exchange rollback-only");
            }
        } catch (Exception e) {
            failure = e;
        }
        observer.routed(event.getEventType(), failure != null, System.nanoTime() - routeStart);
        if (failure != null) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
            exchange.setException(null);
            exchange.setRollbackOnly(false);
            LOG.warn(
                    "Webhook delivery {} ({}) failed in the route; answered 500 so it is retried: {}",
                    id,
                    event.getEventType(),
                    failure.toString());
            respond(exchange, 500, "processing failed");
            observer.delivery(WebhookOutcome.ROUTE_FAILED, event.getEventType(), id, 500);
            return;
        }
        if (dedupe) {
            try {
                repo.add(id);
                repo.confirm(id);
            } catch (RuntimeException e) {
                // the route did its work: acknowledge; a redelivery would be routed again, which beats losing it
                LOG.warn("Webhook delivery {}: recording it in the idempotent repository failed: {}", id, e.toString());
            }
        }
        respond(exchange, 200, "ok");
        observer.delivery(WebhookOutcome.ACCEPTED, event.getEventType(), id, 200);
    }

    private static WebhookOutcome rejection(SvixSignatureVerifier.Result result) {
        return switch (result) {
            case MISSING_HEADERS -> WebhookOutcome.REJECTED_MISSING_HEADERS;
            case BAD_TIMESTAMP, STALE_TIMESTAMP -> WebhookOutcome.REJECTED_TIMESTAMP;
            default -> WebhookOutcome.REJECTED_SIGNATURE;
        };
    }

    /** The Content-Length the sender declared, or -1 when absent or not a number (read without a type converter). */
    private static long declaredLength(Object header) {
        if (header instanceof Number n) {
            return n.longValue();
        }
        if (header instanceof String s && !s.isEmpty()) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static String header(Message in, String[] names) {
        for (String n : names) {
            String v = in.getHeader(n, String.class);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /**
     * Sets a short text answer as a {@link ByteBuffer}: platform-http sends that with a Content-Length, where a String
     * is sent chunked and a byte[] goes through its asynchronous InputStream pump (about twice the cost of the whole
     * delivery). Then takes off the message every header the HTTP consumer must not walk when it writes the answer
     * ({@link #isHeavyForTheAnswer}): the signature headers (never echoed where the consumer copies headers to the
     * answer, the {@code webhook:} form), {@link RecurrenteConstants#RAW_BODY} and {@link RecurrenteConstants#CANONICAL}
     * (they describe the delivery for the route, which has run by now), and any array, collection, map or long text a
     * route left. platform-http turns every header value into an iterator and offers each element to its header filter,
     * even the ones {@link WebhookResponseHeaderFilter} then drops: a 1 KB {@code byte[]} is a thousand filter calls
     * and type conversions per answer (issue #24: 0.12x the throughput of a bare route).
     */
    private static void respond(Exchange exchange, int status, String text) {
        Message out = exchange.getMessage();
        if (out.hasHeaders()) {
            out.getHeaders().entrySet().removeIf(h -> isHeavyForTheAnswer(h.getKey(), h.getValue()));
        }
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        out.setBody(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The longest text header left on the message when the answer is written. */
    static final int MAX_ANSWER_HEADER_LENGTH = 256;

    /**
     * Whether a header must be off the message before the HTTP consumer writes the answer: the signature headers, the
     * raw body and canonical object of the delivery, and any value the consumer would walk element by element or that
     * is longer than {@value #MAX_ANSWER_HEADER_LENGTH} characters.
     */
    static boolean isHeavyForTheAnswer(String name, Object value) {
        // by value first (one type test for the usual short text), by name only where a value test cannot tell: the
        // signature headers are short texts, the canonical object is any model object
        if (value instanceof String text) {
            return text.length() > MAX_ANSWER_HEADER_LENGTH || isSignatureHeader(name);
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return false;
        }
        if (value instanceof CharSequence text) {
            return text.length() > MAX_ANSWER_HEADER_LENGTH || isSignatureHeader(name);
        }
        return value.getClass().isArray()
                || value instanceof Iterable<?>
                || value instanceof Map<?, ?>
                || value instanceof Iterator<?>
                || value instanceof Stream<?>
                || RecurrenteConstants.CANONICAL.equalsIgnoreCase(name)
                || RecurrenteConstants.RAW_BODY.equalsIgnoreCase(name);
    }

    /** {@code svix-signature} or {@code webhook-signature}, any case (the length ends most comparisons at once). */
    private static boolean isSignatureHeader(String name) {
        int length = name.length();
        for (String n : SIGNATURE_HEADERS) {
            if (n.length() == length && n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "RecurrenteWebhookHandler[" + webhook.describePath() + "]";
    }
}
