package io.github.camelrecurrente.component;

import java.util.List;

import io.github.camelrecurrente.component.client.ClientSettings;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.client.RecurrenteClient;
import io.github.camelrecurrente.component.observe.EndpointObserver;
import io.github.camelrecurrente.component.polling.RecurrentePollingConsumer;
import io.github.camelrecurrente.component.webhook.RecurrenteWebhook;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Recurrente (Guatemala) payments API: checkouts, payment intents, products, coupons, subscriptions, customers,
 * refunds, transfers, one-time payments and webhook endpoints as producer operations; signed (Svix) webhook events
 * and polling of list operations as consumers.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "recurrente",
        title = "Recurrente",
        syntax = "recurrente:operation",
        category = {Category.SAAS},
        headersClass = RecurrenteConstants.class)
public class RecurrenteEndpoint extends ScheduledPollEndpoint
        implements WebhookCapableEndpoint, EndpointServiceLocation {

    /** Default poll interval of the polling consumer: Camel's 500 ms would call the API twice a second. */
    public static final long DEFAULT_POLL_DELAY = 60_000;

    @UriParam
    private final RecurrenteConfiguration configuration;

    @UriParam(
            defaultValue = "60s",
            javaType = "java.time.Duration",
            label = "consumer,scheduler",
            description = "Polling consumer: time between polls (default one minute).")
    private long delay = DEFAULT_POLL_DELAY;

    private volatile RecurrenteClient client;
    private final EndpointObserver observer = new EndpointObserver(this);
    private volatile RecurrenteWebhook webhook;
    private final UndocumentedFieldWarnings undocumentedFieldWarnings = new UndocumentedFieldWarnings();

    public RecurrenteEndpoint(String uri, RecurrenteComponent component, RecurrenteConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    public RecurrenteConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public RecurrenteComponent getComponent() {
        return (RecurrenteComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (configuration.getOperation() == RecurrenteOperation.events) {
            throw new IllegalArgumentException(
                    "recurrente:events is a consumer (from(\"recurrente:events\")); use a producer operation such as"
                            + " recurrente:getCheckout to call the API");
        }
        return new RecurrenteProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        RecurrenteOperation op = configuration.getOperation();
        Consumer consumer;
        if (op == RecurrenteOperation.events) {
            consumer = getWebhook().createConsumer(processor);
        } else if (op.isPollable()) {
            consumer = new RecurrentePollingConsumer(this, processor);
        } else {
            throw new IllegalArgumentException(
                    "recurrente:" + op + " cannot be used as a consumer; use recurrente:events for webhook events or a"
                            + " list operation (" + RecurrenteOperation.pollableNames()
                            + ") for polling");
        }
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The API client of this endpoint (keys, retry rule), created on first use and shared by its producers and
     * consumers; it sends through the component's connection pool for the base URL (or the application's own
     * {@code httpClient}) and gives its lease back when the endpoint stops.
     */
    public RecurrenteClient getClient() {
        RecurrenteClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    requireSecretKey();
                    ClientSettings settings = clientSettings();
                    c = new RecurrenteClient(settings, getComponent().httpTransport(configuration, settings));
                    c.setListener(observer);
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * The one request path over this endpoint's client (producer, polling, webhook registration, refetch); its
     * exceptions are the Camel layer's ({@link RecurrenteApiException}, {@link RecurrenteValidationException}).
     */
    public RecurrenteApi getApi() {
        return new RecurrenteApi(getClient(), configuration.getUpdateMethod(), RecurrenteException::of);
    }

    /** Fails with a clear message (never the key) when no secret key is configured. */
    void requireSecretKey() {
        String key = configuration.getSecretKey();
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(
                    "recurrente: the secretKey option is not set for " + configuration.getOperation()
                            + " (set it on the endpoint or as camel.component.recurrente.secret-key;"
                            + " {{env:RECURRENTE_SECRET_KEY}} works)");
        }
    }

    /** What this endpoint tells an operator: metrics, health checks, dev console (internal). */
    public EndpointObserver getObserver() {
        return observer;
    }

    /** The client settings of this endpoint (keys included: never print them; toString() hides them). */
    public ClientSettings clientSettings() {
        RecurrenteConfiguration c = configuration;
        return new ClientSettings(
                c.getBaseUrl(),
                c.getPublicKey(),
                c.getSecretKey(),
                c.getConnectTimeout(),
                c.getRequestTimeout(),
                c.getMaxConnections(),
                c.getRateLimitRetries(),
                c.getMaxRetryAfter(),
                c.getServerErrorRetries(),
                c.getRetryDelay(),
                c.getMaxRetries());
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        RecurrenteClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
        observer.reset();
    }

    // ---------------------------------------------------------------- EndpointServiceLocation

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    // ---- webhook (WebhookCapableEndpoint)

    /** The webhook side of this endpoint (events consumer, handler, registration), created on first use. */
    public RecurrenteWebhook getWebhook() {
        RecurrenteWebhook w = webhook;
        if (w == null) {
            synchronized (this) {
                w = webhook;
                if (w == null) {
                    w = new RecurrenteWebhook(this);
                    webhook = w;
                }
            }
        }
        return w;
    }

    @Override
    public Processor createWebhookHandler(Processor next) {
        return getWebhook().createHandler(next);
    }

    @Override
    public void registerWebhook() throws Exception {
        getWebhook().register();
    }

    @Override
    public void unregisterWebhook() throws Exception {
        getWebhook().unregister();
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        getWebhook().setWebhookConfiguration(webhookConfiguration);
    }

    public WebhookConfiguration getWebhookConfiguration() {
        return getWebhook().getWebhookConfiguration();
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    /** The once-per-endpoint warnings about request fields the API reference does not document. */
    UndocumentedFieldWarnings undocumentedFieldWarnings() {
        return undocumentedFieldWarnings;
    }
}
