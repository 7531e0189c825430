package io.github.camelrecurrente.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.camelrecurrente.sandbox.api.ApiException;
import io.github.camelrecurrente.sandbox.api.EventSink;
import io.github.camelrecurrente.sandbox.api.PaymentSimulator;
import io.github.camelrecurrente.sandbox.api.Router;
import io.github.camelrecurrente.sandbox.api.Views;
import io.github.camelrecurrente.sandbox.api.WireFormat;
import io.github.camelrecurrente.sandbox.http.ApiHandler;
import io.github.camelrecurrente.sandbox.http.FaultInjector;
import io.github.camelrecurrente.sandbox.http.HttpIO;
import io.github.camelrecurrente.sandbox.http.RequestJournal;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Checkout;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.JsonResource;
import io.github.camelrecurrente.sandbox.store.ResourceTable;
import io.github.camelrecurrente.sandbox.store.Times;
import io.github.camelrecurrente.sandbox.webhook.WebhookDispatcher;
import io.github.camelrecurrente.sandbox.webhook.WebhookTarget;

/**
 * A loopback emulator of the Recurrente API ({@code /api}, authenticated by {@code X-SECRET-KEY}) with
 * simulation controls ({@code /sandbox}, no auth, mirrored by the Java methods of this class), Svix-signed
 * webhook delivery, fault injection, a request journal and fast data seeding. Answers and webhook payloads carry
 * the documented fields only; {@link Builder#extendedFields(boolean)} brings back the undocumented extras of earlier
 * versions for tests that still need them.
 * <pre>{@code
 * try (RecurrenteSandbox sandbox = RecurrenteSandbox.builder().port(0)
 *         .account("Mi Tienda", "pk_test_x", "sk_test_x").build().start()) {
 *     String base = sandbox.baseUrl();   // http://127.0.0.1:<port>/api
 * }
 * }</pre>
 * Thread safe. Binds to 127.0.0.1 only.
 */
public final class RecurrenteSandbox implements AutoCloseable {

    /** Default account name. */
    public static final String DEFAULT_ACCOUNT_NAME = "Recurrente Sandbox";
    /** Default public key. */
    public static final String DEFAULT_PUBLIC_KEY = "pk_test_sandbox";
    /** Default secret key. */
    public static final String DEFAULT_SECRET_KEY = "sk_test_sandbox";
    /** Default webhook retry schedule (short, for tests): 0s, 1s, 2s. */
    public static final List<Duration> DEFAULT_RETRY_SCHEDULE =
            List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** Svix's production retry schedule: immediately, 5s, 5min, 30min, 2h, 5h, 10h, 10h. */
    public static final List<Duration> SVIX_RETRY_SCHEDULE = List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
    /** Default request journal capacity. */
    public static final int DEFAULT_JOURNAL_CAPACITY = 1000;

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final int requestedPort;
    private final int threads;
    private final List<AccountData> accounts;
    private final Map<String, AccountData> bySecret = new LinkedHashMap<>();
    private final RequestJournal journal;
    private final FaultInjector faults = new FaultInjector();
    private final WebhookDispatcher dispatcher;
    private final PaymentSimulator simulator;
    private final Router router;
    private final WireFormat wire;
    private volatile boolean legacyErrors;
    private volatile boolean unifiedEvents;
    private volatile boolean legacyEvents;
    private HttpServer server;
    private ExecutorService executor;

    private RecurrenteSandbox(Builder b) {
        this.requestedPort = b.port;
        this.threads = b.threads;
        List<AccountData> list = new ArrayList<>();
        for (SandboxAccount a : b.accounts.isEmpty()
                ? List.of(new SandboxAccount(DEFAULT_ACCOUNT_NAME, DEFAULT_PUBLIC_KEY, DEFAULT_SECRET_KEY))
                : b.accounts) {
            if (bySecret.containsKey(a.secretKey())) {
                throw new IllegalArgumentException(
                        "Two accounts share the same secret key (account '" + a.name() + "')");
            }
            AccountData d = new AccountData(a);
            list.add(d);
            bySecret.put(a.secretKey(), d);
        }
        this.accounts = List.copyOf(list);
        this.journal = new RequestJournal(b.journalCapacity);
        this.dispatcher = new WebhookDispatcher(b.retrySchedule, b.webhookTimeout, b.webhookHistory);
        this.legacyErrors = b.legacyErrors;
        this.unifiedEvents = b.unifiedEvents;
        this.legacyEvents = b.legacyEvents;
        EventSink sink = this::emit;
        this.wire = new WireFormat(b.extendedFields);
        this.simulator = new PaymentSimulator(sink, wire);
        this.router = new Router(simulator, wire);
    }

    /** @return a builder with the defaults (one account, port 0, modern errors, both event families) */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Binds to 127.0.0.1 and starts serving.
     *
     * @return this
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized RecurrenteSandbox start() {
        if (server != null) {
            return this;
        }
        try {
            HttpServer s =
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 1024);
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "recurrente-sandbox-http-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            Function<String, AccountData> lookup = bySecret::get;
            s.createContext("/api/", new ApiHandler(lookup, router, faults, journal, () -> legacyErrors));
            s.createContext("/sandbox", new ControlHandler(this));
            s.createContext("/", ex -> {
                ObjectNode err = Json.object();
                err.put(
                        "message",
                        "Not found: the Recurrente API lives under /api, the sandbox controls under /sandbox");
                HttpIO.send(ex, 404, err, null);
            });
            s.setExecutor(pool);
            s.start();
            this.server = s;
            this.executor = pool;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Recurrente sandbox to 127.0.0.1:" + requestedPort, e);
        }
    }

    /** Stops the server and the webhook scheduler. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
        dispatcher.close();
    }

    /**
     * Forgets all data of all accounts (checkouts, products, ..., webhook endpoints), the request journal,
     * the delivery log, faults and drop rules; pending webhook retries are cancelled. Accounts and settings stay.
     */
    public void reset() {
        for (AccountData d : accounts) {
            d.clear();
        }
        journal.clear();
        faults.clear();
        dispatcher.reset();
    }

    /** @return the bound port */
    public int port() {
        HttpServer s = server;
        if (s == null) {
            throw new IllegalStateException("The sandbox is not started; call start() first");
        }
        return s.getAddress().getPort();
    }

    /** @return {@code http://127.0.0.1:<port>/api} */
    public String baseUrl() {
        return rootUrl() + "/api";
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String rootUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** @return whether the server is running */
    public synchronized boolean isRunning() {
        return server != null;
    }

    // ------------------------------------------------------------------ accounts and settings

    /** @return the accounts, the default first */
    public List<SandboxAccount> accounts() {
        List<SandboxAccount> out = new ArrayList<>();
        for (AccountData d : accounts) {
            out.add(d.account());
        }
        return out;
    }

    /** @return the first (default) account */
    public SandboxAccount defaultAccount() {
        return accounts.get(0).account();
    }

    /** Switches the error body shape between current and legacy {@code {"error": "..."}}. */
    public void setLegacyErrors(boolean legacy) {
        this.legacyErrors = legacy;
    }

    /** @return whether legacy error bodies are used */
    public boolean legacyErrors() {
        return legacyErrors;
    }

    /** Switches the unified {@code intent.*} webhook family on/off. */
    public void setUnifiedEvents(boolean on) {
        this.unifiedEvents = on;
    }

    /** Switches the legacy webhook family ({@code payment_intent.*}, {@code subscription.*}, ...) on/off. */
    public void setLegacyEvents(boolean on) {
        this.legacyEvents = on;
    }

    /** @return whether unified events are emitted */
    public boolean unifiedEvents() {
        return unifiedEvents;
    }

    /** @return whether legacy events are emitted */
    public boolean legacyEvents() {
        return legacyEvents;
    }

    /**
     * Switches the compatibility shapes on or off (see {@link Builder#extendedFields(boolean)}); takes effect for the
     * next answer and the next event.
     */
    public void setExtendedFields(boolean on) {
        wire.setExtendedFields(on);
    }

    /** @return whether the undocumented extras of earlier sandbox versions are on the wire */
    public boolean extendedFields() {
        return wire.extendedFields();
    }

    // ------------------------------------------------------------------ journal and faults

    /** @return recorded API requests, oldest first */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /** @return the newest recorded API request or {@code null} */
    public RecordedRequest lastRequest() {
        return journal.last();
    }

    /** Empties the request journal. */
    public void clearRequests() {
        journal.clear();
    }

    /** Adds a fault (see {@link Fault}). */
    public void addFault(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    /** @return the active faults with their remaining counts */
    public List<Fault> faults() {
        return faults.list();
    }

    /** Removes all faults. */
    public void clearFaults() {
        faults.clear();
    }

    // ------------------------------------------------------------------ webhooks

    /** @return the webhook retry schedule */
    public List<Duration> webhookRetrySchedule() {
        return dispatcher.retrySchedule();
    }

    /** @return every delivery attempt (and drop), oldest first */
    public List<WebhookDelivery> deliveries() {
        return dispatcher.deliveries();
    }

    /** @return every emitted webhook event, oldest first (also when no endpoint is registered) */
    public List<WebhookEvent> events() {
        return dispatcher.events();
    }

    /** @return emitted events of one type */
    public List<WebhookEvent> events(String eventType) {
        List<WebhookEvent> out = new ArrayList<>();
        for (WebhookEvent e : dispatcher.events()) {
            if (e.eventType().equals(eventType)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Clears the delivery log and the event list (pending retries go on). */
    public void clearDeliveries() {
        dispatcher.clearLog();
    }

    /**
     * Waits for at least {@code count} successful (2xx) deliveries.
     *
     * @return the successful deliveries so far
     * @throws IllegalStateException on timeout, listing what was delivered
     */
    public List<WebhookDelivery> awaitDeliveries(int count, Duration timeout) {
        return dispatcher.await(WebhookDelivery::succeeded, count, timeout, "successful deliveries");
    }

    /** Waits for at least {@code count} successful deliveries of one event type. */
    public List<WebhookDelivery> awaitDeliveries(String eventType, int count, Duration timeout) {
        return dispatcher.await(
                d -> d.succeeded() && d.eventType().equals(eventType),
                count,
                timeout,
                "successful '" + eventType + "' deliveries");
    }

    /** Waits for at least {@code count} delivery attempts (successful or not, drops excluded). */
    public List<WebhookDelivery> awaitAttempts(int count, Duration timeout) {
        return dispatcher.await(d -> !d.dropped(), count, timeout, "delivery attempts");
    }

    /** Drops the next {@code count} messages to an endpoint (id {@code ep_...} or URL; {@code null} = any). */
    public void dropNext(String endpoint, int count) {
        dispatcher.dropNext(endpoint, count, null);
    }

    /** Drops the next {@code count} messages whose event type matches the regex, to an endpoint ({@code null} = any). */
    public void dropNext(String endpoint, int count, String eventTypeRegex) {
        dispatcher.dropNext(endpoint, count, eventTypeRegex);
    }

    /**
     * Sends a message again with the same {@code svix-id} to all endpoints it was meant for.
     *
     * @return the number of endpoints it was re-sent to
     */
    public int resend(String messageId) {
        return dispatcher.resend(messageId, null);
    }

    /** Sends a message again (same {@code svix-id}) to one endpoint (id or URL). */
    public int resend(String messageId, String endpoint) {
        return dispatcher.resend(messageId, endpoint);
    }

    /**
     * Registers a webhook endpoint on the default account, as {@code POST /api/webhook_endpoints} would.
     *
     * @return the create response (with {@code signingSecret})
     */
    public Map<String, Object> registerWebhookEndpoint(String url) {
        return registerWebhookEndpoint(defaultAccount().secretKey(), url);
    }

    /** Registers a webhook endpoint on the account with the given secret key. */
    public Map<String, Object> registerWebhookEndpoint(String secretKey, String url) {
        AccountData data = account(secretKey);
        synchronized (data) {
            ObjectNode body = Json.object();
            body.put("url", url);
            body.put("description", "registered from Java");
            return Json.toMap(
                    callApi(data, "POST", List.of("webhook_endpoints"), body).body());
        }
    }

    // ------------------------------------------------------------------ simulations

    /** Pays a checkout with the success card 4242 4242 4242 4242 as a CF payer. @return the payment intent */
    public Map<String, Object> payCheckout(String checkoutId) {
        return payCheckout(checkoutId, PaymentOptions.defaults());
    }

    /** Pays a checkout by card; a declining card gives {@code payment_intent.failed}. @return the payment intent */
    public Map<String, Object> payCheckout(String checkoutId, PaymentOptions options) {
        return withCheckout(checkoutId, (d, c) -> simulator.payCheckout(d, c, options));
    }

    /** Starts a bank transfer (checkout {@code payment_in_progress}, {@code bank_transfer_intent.pending}). */
    public Map<String, Object> startBankTransfer(String checkoutId) {
        return startBankTransfer(checkoutId, PaymentOptions.defaults());
    }

    /** Starts a bank transfer with payer data. */
    public Map<String, Object> startBankTransfer(String checkoutId, PaymentOptions options) {
        return withCheckout(checkoutId, (d, c) -> simulator.startBankTransfer(d, c, options));
    }

    /** The pending bank transfer of a checkout arrives ({@code bank_transfer_intent.succeeded}). */
    public Map<String, Object> completeBankTransfer(String checkoutId) {
        return withCheckout(checkoutId, (d, c) -> simulator.finishBankTransfer(d, c, true));
    }

    /** The pending bank transfer of a checkout fails ({@code bank_transfer_intent.failed}). */
    public Map<String, Object> failBankTransfer(String checkoutId) {
        return withCheckout(checkoutId, (d, c) -> simulator.finishBankTransfer(d, c, false));
    }

    /** Charges the next period of a subscription. @return the payment intent */
    public Map<String, Object> renewSubscription(String subscriptionId) {
        return withSubscription(subscriptionId, simulator.subscriptions()::renew);
    }

    /** Fails the charge of a subscription (1st: past_due, 3rd: cancelled). @return the failed payment intent */
    public Map<String, Object> failSubscriptionPayment(String subscriptionId) {
        return withSubscription(subscriptionId, simulator.subscriptions()::failPayment);
    }

    /** Pauses a subscription. @return the subscription */
    public Map<String, Object> pauseSubscription(String subscriptionId) {
        return withSubscription(subscriptionId, simulator.subscriptions()::pause);
    }

    /** Resumes a paused subscription. @return the subscription */
    public Map<String, Object> unpauseSubscription(String subscriptionId) {
        return withSubscription(subscriptionId, simulator.subscriptions()::unpause);
    }

    /** Cancels a subscription. @return the subscription */
    public Map<String, Object> cancelSubscription(String subscriptionId) {
        return withSubscription(subscriptionId, simulator.subscriptions()::cancel);
    }

    /**
     * Creates a one-time checkout on the default account, as {@code POST /api/checkouts} would.
     *
     * @return the checkout id
     */
    public String createCheckout(long amountInCents, String currency) {
        AccountData data = accounts.get(0);
        ObjectNode body = Json.object();
        ObjectNode item = body.putArray("items").addObject();
        item.put("name", "Producto de prueba");
        item.put("amount_in_cents", amountInCents);
        item.put("currency", currency);
        synchronized (data) {
            return callApi(data, "POST", List.of("checkouts"), body)
                    .body()
                    .path("id")
                    .asText();
        }
    }

    // ------------------------------------------------------------------ seeding

    /** Seeds {@code count} unpaid checkouts on the default account, one second apart, ending now. */
    public List<String> seedCheckouts(int count) {
        Instant now = Instant.now();
        return seedCheckouts(count, now.minusSeconds(Math.max(0, count - 1)), now);
    }

    /** Seeds {@code count} unpaid Q10.00 checkouts on the default account, spaced evenly over [from, until]. */
    public List<String> seedCheckouts(int count, Instant from, Instant until) {
        return seedCheckouts(defaultAccount().secretKey(), count, from, until);
    }

    /**
     * Seeds {@code count} unpaid Q10.00 checkouts with distinct {@code created_at} spaced evenly over
     * [from, until] on the account with the given secret key. Memory-lean: seeded checkouts share their
     * item and metadata objects.
     *
     * @return the new ids, oldest first
     */
    public List<String> seedCheckouts(String secretKey, int count, Instant from, Instant until) {
        if (count < 0) {
            throw new IllegalArgumentException("Seed count must be >= 0, got " + count);
        }
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("Seed range is reversed: from " + from + " is after until " + until);
        }
        AccountData data = account(secretKey);
        ArrayNode items = Json.array();
        ObjectNode item = items.addObject();
        item.put("name", "Producto sembrado");
        item.put("currency", "GTQ");
        item.put("amount_in_cents", 1000);
        item.put("quantity", 1);
        item.put("charge_type", "one_time");
        ObjectNode metadata = Json.object();
        ArrayNode transferSetups = Json.array();
        long fromMicros = Times.micros(from);
        long span = Times.micros(until) - fromMicros;
        List<String> ids = new ArrayList<>(count);
        synchronized (data) {
            for (int i = 0; i < count; i++) {
                long created = count == 1 ? fromMicros : fromMicros + (long) ((double) span * i / (count - 1));
                Checkout c = new Checkout(Ids.next("ch_", 16), created, data.nextSeq());
                c.items = items;
                c.metadata = metadata;
                c.transferSetups = transferSetups;
                c.totalInCents = 1000;
                c.currency = "GTQ";
                c.successUrl = "https://example.com/success";
                c.cancelUrl = "https://example.com/cancel";
                data.checkouts.put(c);
                ids.add(c.id());
            }
        }
        return ids;
    }

    // ------------------------------------------------------------------ state

    /** @return the checkout as {@code GET /api/checkouts/{id}} shows it plus its {@code items}, or {@code null} */
    public Map<String, Object> checkout(String id) {
        for (AccountData d : accounts) {
            synchronized (d) {
                Checkout c = d.checkouts.get(id);
                if (c != null) {
                    ObjectNode n = Views.checkout(c, d, true);
                    n.set("items", c.items == null ? Json.array() : c.items.deepCopy());
                    n.put("subscription_id", c.subscriptionId);
                    n.put("intent_id", c.unifiedIntentId);
                    return Json.toMap(n);
                }
            }
        }
        return null;
    }

    /** @return a payment intent ({@code pa_...} or bank transfer {@code ba_...}) incl. {@code tax_invoice_url}, or {@code null} */
    public Map<String, Object> paymentIntent(String id) {
        return find(id, d -> d.paymentIntents);
    }

    /** @return a unified intent ({@code in_...}) or {@code null} */
    public Map<String, Object> intent(String id) {
        return find(id, d -> d.intents);
    }

    /** @return a subscription or {@code null} */
    public Map<String, Object> subscription(String id) {
        return find(id, d -> d.subscriptions);
    }

    /** @return a refund or {@code null} */
    public Map<String, Object> refund(String id) {
        return find(id, d -> d.refunds);
    }

    /** @return a product or {@code null} */
    public Map<String, Object> product(String id) {
        return find(id, d -> d.products);
    }

    /** @return a customer or {@code null} */
    public Map<String, Object> customer(String id) {
        return find(id, d -> d.customers);
    }

    /** @return a user ({@code us_...}) or {@code null} */
    public Map<String, Object> user(String id) {
        return find(id, d -> d.users);
    }

    /** @return number of checkouts of the account with the given secret key */
    public int checkoutCount(String secretKey) {
        return account(secretKey).checkouts.size();
    }

    /** @return the signing secret of a webhook endpoint ({@code whsec_...}) or {@code null} */
    public String signingSecret(String endpointId) {
        for (AccountData d : accounts) {
            String s = d.signingSecrets.get(endpointId);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ internals

    private Map<String, Object> find(String id, Function<AccountData, ResourceTable<JsonResource>> table) {
        for (AccountData d : accounts) {
            synchronized (d) {
                JsonResource r = table.apply(d).get(id);
                if (r != null) {
                    return Json.toMap(r.node());
                }
            }
        }
        return null;
    }

    private interface CheckoutAction {
        ObjectNode apply(AccountData data, Checkout checkout);
    }

    private interface SubscriptionAction {
        ObjectNode apply(AccountData data, JsonResource subscription);
    }

    private Map<String, Object> withCheckout(String checkoutId, CheckoutAction action) {
        for (AccountData d : accounts) {
            synchronized (d) {
                Checkout c = d.checkouts.get(checkoutId);
                if (c != null) {
                    return Json.toMap(action.apply(d, c));
                }
            }
        }
        throw new IllegalArgumentException("No checkout with id " + checkoutId + " in any sandbox account");
    }

    private Map<String, Object> withSubscription(String subscriptionId, SubscriptionAction action) {
        for (AccountData d : accounts) {
            synchronized (d) {
                JsonResource s = d.subscriptions.get(subscriptionId);
                if (s != null) {
                    return Json.toMap(action.apply(d, s));
                }
            }
        }
        throw new IllegalArgumentException("No subscription with id " + subscriptionId + " in any sandbox account");
    }

    private AccountData account(String secretKey) {
        AccountData d = bySecret.get(secretKey);
        if (d == null) {
            throw new IllegalArgumentException("No sandbox account has that secret key");
        }
        return d;
    }

    /** Finds an account by name or public key (for the control API); {@code null} = default. */
    AccountData accountByNameOrKey(String nameOrKey) {
        if (nameOrKey == null) {
            return accounts.get(0);
        }
        for (AccountData d : accounts) {
            if (d.account().name().equals(nameOrKey) || d.account().publicKey().equals(nameOrKey)) {
                return d;
            }
        }
        throw new IllegalArgumentException("No sandbox account named or with public key '" + nameOrKey + "'");
    }

    private io.github.camelrecurrente.sandbox.api.ApiResponse callApi(
            AccountData data, String method, List<String> segments, ObjectNode body) {
        io.github.camelrecurrente.sandbox.api.ApiRequest req = new io.github.camelrecurrente.sandbox.api.ApiRequest(
                method,
                "/api/" + String.join("/", segments),
                segments,
                Collections.emptyMap(),
                null,
                body,
                data,
                rootUrl());
        try {
            return router.route(req);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + e.field() + ": " + e.detail() + ")", e);
        }
    }

    private void emit(AccountData data, String eventType, ObjectNode payload) {
        boolean unified = eventType.startsWith("intent.");
        if (unified ? !unifiedEvents : !legacyEvents) {
            return;
        }
        List<WebhookTarget> targets = new ArrayList<>();
        for (JsonResource ep : data.webhookEndpoints.newestFirst()) {
            if (!ep.node().path("disabled").asBoolean(false)) {
                targets.add(
                        new WebhookTarget(ep.id(), ep.node().path("url").asText(), data.signingSecrets.get(ep.id())));
            }
        }
        Collections.reverse(targets);
        dispatcher.publish(data.account().name(), eventType, Json.bytes(payload), targets);
    }

    @Override
    public String toString() {
        return "RecurrenteSandbox[" + (server == null ? "stopped" : rootUrl()) + ", accounts=" + accounts() + "]";
    }

    /** Builder of {@link RecurrenteSandbox}. */
    public static final class Builder {
        private int port;
        private int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        private final List<SandboxAccount> accounts = new ArrayList<>();
        private boolean legacyErrors;
        private boolean unifiedEvents = true;
        private boolean legacyEvents = true;
        private boolean extendedFields;
        private List<Duration> retrySchedule = DEFAULT_RETRY_SCHEDULE;
        private Duration webhookTimeout = Duration.ofSeconds(5);
        private int journalCapacity = DEFAULT_JOURNAL_CAPACITY;
        private int webhookHistory = WebhookDispatcher.DEFAULT_HISTORY_CAPACITY;

        private Builder() {}

        /** Port to bind on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Adds an account; the first one added is the default. Without any, one default account exists. */
        public Builder account(String name, String publicKey, String secretKey) {
            accounts.add(new SandboxAccount(name, publicKey, secretKey));
            return this;
        }

        /** Use the legacy error shape {@code {"error": "..."}} (default false). */
        public Builder legacyErrors(boolean legacy) {
            this.legacyErrors = legacy;
            return this;
        }

        /** Emit unified {@code intent.*} events (default true). */
        public Builder unifiedEvents(boolean on) {
            this.unifiedEvents = on;
            return this;
        }

        /** Emit legacy events {@code payment_intent.*}, {@code subscription.*}, ... (default true). */
        public Builder legacyEvents(boolean on) {
            this.legacyEvents = on;
            return this;
        }

        /**
         * Compatibility switch, default false: the documented API shapes only. With true the sandbox also puts on the
         * wire what no Recurrente document shows and earlier sandbox versions sent ({@code created_at} and
         * {@code updated_at} on products, coupons and customers; {@code legacy_intent_id}, {@code auth_code},
         * {@code fee} on unified intents; {@code intent_id}, {@code status} on payment intents; top-level {@code metadata} and
         * {@code user_id} on payment events; the whole refund with amounts in {@code refund.create}; ...), and honours
         * the undocumented list filters ({@code status}, {@code customer_id}, {@code type}, {@code email}, customer
         * list {@code user_id}) and paging of intents and webhook endpoints. For tests and demos that still rely on
         * them; code that works only with it on will not work against Recurrente.
         */
        public Builder extendedFields(boolean on) {
            this.extendedFields = on;
            return this;
        }

        /** Delay before each webhook attempt; the size is the maximum number of attempts (default 0s, 1s, 2s). */
        public Builder webhookRetrySchedule(List<Duration> schedule) {
            if (schedule == null || schedule.isEmpty()) {
                throw new IllegalArgumentException("The webhook retry schedule needs at least one entry");
            }
            this.retrySchedule = List.copyOf(schedule);
            return this;
        }

        /** Varargs form of {@link #webhookRetrySchedule(List)}. */
        public Builder webhookRetrySchedule(Duration... schedule) {
            return webhookRetrySchedule(List.of(schedule));
        }

        /** How long a receiver may take to answer before the attempt counts as failed (default 5 s). */
        public Builder webhookTimeout(Duration timeout) {
            this.webhookTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Request journal capacity (default 1000; 0 disables it, e.g. for benchmarks). */
        public Builder journalCapacity(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("Journal capacity must be >= 0, got " + capacity);
            }
            this.journalCapacity = capacity;
            return this;
        }

        /**
         * How many webhook events, delivery-log entries and re-sendable messages to keep (default 10 000): the oldest are
         * forgotten first, so a long-running sandbox stays bounded. {@code awaitDeliveries} only sees what is kept.
         */
        public Builder webhookHistory(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("Webhook history must be >= 1, got " + capacity);
            }
            this.webhookHistory = capacity;
            return this;
        }

        /** HTTP worker threads (default max(8, 4 x cores)). */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("Threads must be >= 1, got " + count);
            }
            this.threads = count;
            return this;
        }

        /** @return a new, not yet started sandbox */
        public RecurrenteSandbox build() {
            return new RecurrenteSandbox(this);
        }
    }
}
