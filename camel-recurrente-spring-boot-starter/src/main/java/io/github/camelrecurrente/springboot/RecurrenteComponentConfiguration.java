package io.github.camelrecurrente.springboot;

import io.github.camelrecurrente.component.RecurrenteConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of the {@code recurrente} component as Spring Boot properties ({@code camel.component.recurrente.*});
 * the descriptions and defaults are the component's own (RecurrenteComponentConfigurationTest checks them against the
 * component's generated metadata, so this class cannot drift from the component).
 */
@ConfigurationProperties(prefix = "camel.component.recurrente")
public class RecurrenteComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * For list operations: return a lazy Iterator over all pages instead of one page as a List. Pages are fetched only
     * as the iterator is consumed, so split(body()).streaming() works in constant memory.
     */
    private Boolean allPages = false;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Base URL of the Recurrente API. Change it to point at the camel-recurrente-sandbox emulator or a proxy.
     */
    private String baseUrl = "https://app.recurrente.com/api";

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Default options for every endpoint of this component (endpoint options override them). The option is a
     * io.github.camelrecurrente.component.RecurrenteConfiguration type.
     */
    private RecurrenteConfiguration configuration;

    /**
     * How long to wait for a TCP connection to the API. The option is a duration: a number of milliseconds or a text
     * such as 10s, 1m30s.
     */
    private String connectTimeout = "10s";

    /**
     * The producer health check calls testCredentials (GET /test) at most once per this interval for one set of keys
     * and base URL, however often it is probed; in between it answers the cached result. The option is a duration: a
     * number of milliseconds or a text such as 10s, 1m30s.
     */
    private String credentialsCheckInterval = "60s";

    /**
     * Polling consumer, items without created_at (listProducts, listCoupons, listCustomers, polled by identity): also
     * emit the items the first poll finds (the baseline). By default the first poll only remembers them and later
     * polls emit the items that appear after it.
     */
    private Boolean emitExistingItems = false;

    /**
     * Polling consumer: emit an item again when its status changed since it was last seen (e.g. a checkout going from
     * unpaid to paid); for lists whose items have a status (not customers). The statuses of the 1000 newest items are
     * watched.
     */
    private Boolean emitStatusChanges = false;

    /**
     * Comma separated event types to route, with wildcards (e.g. payment_intent.,subscription.cancel). Other events
     * are acknowledged with 2xx and not routed. Empty means all.
     */
    private String eventTypes;

    /**
     * Filter of listCheckouts and listIntents: only items created at or after this ISO-8601 instant (the polling
     * consumer never goes below it either). The header CamelRecurrenteFromTime overrides it.
     */
    private String fromTime;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * An Apache HttpClient 5 of your own (e.g. #bean:recurrenteHttpClient) for a proxy, your own TLS or interceptors:
     * every call goes through it and its own timeouts and pool apply (connectTimeout, requestTimeout and
     * maxConnections are then not used). The component never closes it. The option is a
     * org.apache.hc.client5.http.impl.classic.CloseableHttpClient type.
     */
    private CloseableHttpClient httpClient;

    /**
     * Id of the resource for get, update, delete and cancel operations. The header CamelRecurrenteId overrides it.
     */
    private String id;

    /**
     * IdempotentRepository used to drop duplicate deliveries by svix-id (for example a JdbcMessageIdRepository shared
     * by several nodes). Default: an in-memory repository of the last 10000 ids. The option is a
     * org.apache.camel.spi.IdempotentRepository type.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * Polling consumer without a saved position: emit items created at or after this ISO-8601 instant; now (the
     * default) emits only items created after the route started, 1970-01-01T00:00:00Z emits everything.
     */
    private String initialFromTime = "now";

    /**
     * Page size (1-100) for list operations; the API's default is 10 (allPages and the polling consumer use 100 when
     * it is not set). The header CamelRecurrenteItems overrides it.
     */
    private Integer items;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Largest webhook body accepted, in bytes; larger ones are answered 413.
     */
    private Long maxBodySize = 1048576L;

    /**
     * Maximum number of pooled connections to the API. The endpoints of a component that call the same base URL (with
     * the same connectTimeout and maxConnections) share one pool.
     */
    private Integer maxConnections = 20;

    /**
     * Polling consumer: the most items one poll emits (0 = no limit); the rest follow in the next polls.
     */
    private Integer maxMessagesPerPoll = 0;

    /**
     * At most this many retries of one call in all (429, 5xx and I/O together), on top of rateLimitRetries and
     * serverErrorRetries. 0 turns the component's own retries off, so that Camel's redelivery (errorHandler /
     * onException) is the only retry layer: with both, one exchange may make (maxRetries plus one) times
     * (maximumRedeliveries plus one) HTTP attempts.
     */
    private Integer maxRetries = 5;

    /**
     * Longest Retry-After (429, or 5xx of a safe operation) the producer waits for on the route's thread; a longer one
     * fails the exchange at once with the RecurrenteApiException carrying it and the CamelRedeliveryDelay header set
     * to it, so that Camel's redelivery (asyncDelayedRedelivery) waits instead, without holding a thread. The option
     * is a duration: a number of milliseconds or a text such as 10s, 1m30s.
     */
    private String maxRetryAfter = "5s";

    /**
     * Polling consumer, items without created_at (polled by identity): how many ids are remembered in the position;
     * beyond it the id not listed for the longest time is forgotten. 100 000 ids take about 2.5 MB in the state
     * repository.
     */
    private Integer maxSeenIds = 100000;

    /**
     * Page number (from 1) for list operations. The header CamelRecurrentePage overrides it.
     */
    private Integer page;

    /**
     * The account's public key (pk_live_... or pk_test_...). Optional: the current API only needs the secret key; when
     * set it is sent as X-PUBLIC-KEY too.
     */
    private String publicKey;

    /**
     * How many times a request answered 429 Too Many Requests is retried (every operation: the request was not
     * processed). 0 disables.
     */
    private Integer rateLimitRetries = 3;

    /**
     * Before routing an event, fetch the canonical object (checkout, intent or subscription) from the API and put it
     * in the CamelRecurrenteCanonical header.
     */
    private Boolean refetch = false;

    /**
     * How long to wait for the API's response once the request was sent. The option is a duration: a number of
     * milliseconds or a text such as 10s, 1m30s.
     */
    private String requestTimeout = "30s";

    /**
     * First delay between retries of 5xx/I/O errors (and of 429 without Retry-After); doubled after each attempt. The
     * option is a duration: a number of milliseconds or a text such as 10s, 1m30s.
     */
    private String retryDelay = "500ms";

    /**
     * The account's secret key (sk_live_... or sk_test_...), sent as X-SECRET-KEY. The key decides test or live mode.
     */
    private String secretKey;

    /**
     * Send an Idempotency-Key header on POST creates: the CamelRecurrenteIdempotencyKey header if present, else one
     * derived from the exchange id (the same across retries of one exchange).
     */
    private Boolean sendIdempotencyKey = true;

    /**
     * How many times a 5xx answer or an I/O error is retried for safe or idempotent operations (GET, PUT, PATCH,
     * DELETE). POST creates are never retried automatically: a duplicate one-time payment charges a card twice. 0
     * disables.
     */
    private Integer serverErrorRetries = 2;

    /**
     * The webhook health check reports DOWN when every one of the last this many deliveries failed signature
     * verification (a wrong or rotated webhookSecret); one verified delivery brings it back UP.
     */
    private Integer signatureFailureThreshold = 10;

    /**
     * StateRepository (e.g. FileStateRepository) where the polling consumer keeps its position (high-water mark and
     * ids seen at it), so a restart emits nothing twice. The option is a
     * org.apache.camel.spi.StateRepository&lt;java.lang.String, java.lang.String&gt; type.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * Polling consumer: only emit items with this status (e.g. paid for listCheckouts, active for listSubscriptions).
     * Empty means every status.
     */
    private String status;

    /**
     * Maximum age (and future skew) of a webhook's svix-timestamp. The option is a duration: a number of milliseconds
     * or a text such as 10s, 1m30s.
     */
    private String tolerance = "5m";

    /**
     * Filter of listCheckouts and listIntents: only items created at or before this ISO-8601 instant. The header
     * CamelRecurrenteUntilTime overrides it.
     */
    private String untilTime;

    /**
     * HTTP verb for update operations on checkouts, products, coupons and payment intents: the Postman docs say PATCH,
     * the current reference says PUT. Customers and subscriptions always use PUT.
     */
    private String updateMethod = "PATCH";

    /**
     * listCheckouts: only checkouts of this user (us_...), sent as user_id. getCustomer: look the customer up by this
     * user id (the user_id query parameter of GET /customers/{id}; without a customer id the user id is also the path
     * id). The header CamelRecurrenteUserId overrides it.
     */
    private String userId;

    /**
     * Validate request bodies before any HTTP call (currency GTQ/USD, quantity 1..9, item amount_in_cents 0 or more,
     * metadata limits; every rule and its source are listed in docs/component.md) and fail with a message naming the
     * field.
     */
    private Boolean validateRequests = true;

    /**
     * Verify the Svix signature and timestamp of every webhook before it is parsed. Starting without a webhookSecret
     * while this is true is an error.
     */
    private Boolean verifySignature = true;

    /**
     * Description given to the webhook endpoint when it is auto-registered.
     */
    private String webhookDescription = "Camel Recurrente";

    /**
     * Path (on the Camel Platform HTTP server) where recurrente:events receives webhooks. When wrapped as
     * webhook:recurrente:events the webhook component's webhookPath is used, defaulting to this value.
     */
    private String webhookPath = "/recurrente/events";

    /**
     * The endpoint's signing secret (whsec_...) used to verify Svix signatures. Several secrets may be given as a
     * comma separated list (TEST and LIVE endpoints have separate secrets); a signature matching any of them passes.
     */
    private String webhookSecret;

    /**
     * File where an auto-registered endpoint's signing secret is stored (and read back on restart) when no
     * webhookSecret is configured.
     */
    private String webhookSecretFile;

    /**
     * Delete the registered webhook endpoint at Recurrente when the route stops (only with webhook auto-registration).
     */
    private Boolean webhookUnregisterOnStop = false;

    public Boolean getAllPages() {
        return allPages;
    }

    public void setAllPages(Boolean allPages) {
        this.allPages = allPages;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public RecurrenteConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RecurrenteConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getCredentialsCheckInterval() {
        return credentialsCheckInterval;
    }

    public void setCredentialsCheckInterval(String credentialsCheckInterval) {
        this.credentialsCheckInterval = credentialsCheckInterval;
    }

    public Boolean getEmitExistingItems() {
        return emitExistingItems;
    }

    public void setEmitExistingItems(Boolean emitExistingItems) {
        this.emitExistingItems = emitExistingItems;
    }

    public Boolean getEmitStatusChanges() {
        return emitStatusChanges;
    }

    public void setEmitStatusChanges(Boolean emitStatusChanges) {
        this.emitStatusChanges = emitStatusChanges;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getFromTime() {
        return fromTime;
    }

    public void setFromTime(String fromTime) {
        this.fromTime = fromTime;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getInitialFromTime() {
        return initialFromTime;
    }

    public void setInitialFromTime(String initialFromTime) {
        this.initialFromTime = initialFromTime;
    }

    public Integer getItems() {
        return items;
    }

    public void setItems(Integer items) {
        this.items = items;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(String maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Integer getMaxSeenIds() {
        return maxSeenIds;
    }

    public void setMaxSeenIds(Integer maxSeenIds) {
        this.maxSeenIds = maxSeenIds;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public Integer getRateLimitRetries() {
        return rateLimitRetries;
    }

    public void setRateLimitRetries(Integer rateLimitRetries) {
        this.rateLimitRetries = rateLimitRetries;
    }

    public Boolean getRefetch() {
        return refetch;
    }

    public void setRefetch(Boolean refetch) {
        this.refetch = refetch;
    }

    public String getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(String requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(String retryDelay) {
        this.retryDelay = retryDelay;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public Boolean getSendIdempotencyKey() {
        return sendIdempotencyKey;
    }

    public void setSendIdempotencyKey(Boolean sendIdempotencyKey) {
        this.sendIdempotencyKey = sendIdempotencyKey;
    }

    public Integer getServerErrorRetries() {
        return serverErrorRetries;
    }

    public void setServerErrorRetries(Integer serverErrorRetries) {
        this.serverErrorRetries = serverErrorRetries;
    }

    public Integer getSignatureFailureThreshold() {
        return signatureFailureThreshold;
    }

    public void setSignatureFailureThreshold(Integer signatureFailureThreshold) {
        this.signatureFailureThreshold = signatureFailureThreshold;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getTolerance() {
        return tolerance;
    }

    public void setTolerance(String tolerance) {
        this.tolerance = tolerance;
    }

    public String getUntilTime() {
        return untilTime;
    }

    public void setUntilTime(String untilTime) {
        this.untilTime = untilTime;
    }

    public String getUpdateMethod() {
        return updateMethod;
    }

    public void setUpdateMethod(String updateMethod) {
        this.updateMethod = updateMethod;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Boolean getValidateRequests() {
        return validateRequests;
    }

    public void setValidateRequests(Boolean validateRequests) {
        this.validateRequests = validateRequests;
    }

    public Boolean getVerifySignature() {
        return verifySignature;
    }

    public void setVerifySignature(Boolean verifySignature) {
        this.verifySignature = verifySignature;
    }

    public String getWebhookDescription() {
        return webhookDescription;
    }

    public void setWebhookDescription(String webhookDescription) {
        this.webhookDescription = webhookDescription;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookSecretFile() {
        return webhookSecretFile;
    }

    public void setWebhookSecretFile(String webhookSecretFile) {
        this.webhookSecretFile = webhookSecretFile;
    }

    public Boolean getWebhookUnregisterOnStop() {
        return webhookUnregisterOnStop;
    }

    public void setWebhookUnregisterOnStop(Boolean webhookUnregisterOnStop) {
        this.webhookUnregisterOnStop = webhookUnregisterOnStop;
    }
}
