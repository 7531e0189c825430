package io.github.camelrecurrente.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Options of a {@code recurrente:} endpoint. The component holds one instance as defaults; each endpoint works on its
 * own copy, so several accounts (key pairs) can live side by side in one CamelContext.
 */
@UriParams
public class RecurrenteConfiguration implements Cloneable {

    /** The path recurrente:events serves when no webhookPath is set. */
    public static final String DEFAULT_WEBHOOK_PATH = "/recurrente/events";

    public static final String DEFAULT_BASE_URL = "https://app.recurrente.com/api";

    @UriPath(
            description = "The Recurrente API operation to perform (producer), or `events` for the signed webhook"
                    + " consumer, or a list operation (listCheckouts, listSubscriptions, listProducts,"
                    + " listCoupons, listIntents, listCustomers) for the polling consumer.")
    @Metadata(required = true)
    private RecurrenteOperation operation;

    // ---------------------------------------------------------------- security

    @UriParam(
            label = "security",
            secret = true,
            description = "The account's public key (pk_live_... or pk_test_...). Optional: the current API only"
                    + " needs the secret key; when set it is sent as X-PUBLIC-KEY too.")
    private String publicKey;

    @UriParam(
            label = "security",
            secret = true,
            description = "The account's secret key (sk_live_... or sk_test_...), sent as X-SECRET-KEY. The key"
                    + " decides test or live mode.")
    private String secretKey;

    // ---------------------------------------------------------------- common / producer

    @UriParam(
            label = "advanced",
            defaultValue = DEFAULT_BASE_URL,
            description = "Base URL of the Recurrente API. Change it to point at the camel-recurrente-sandbox"
                    + " emulator or a proxy.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(
            label = "advanced",
            defaultValue = "10s",
            javaType = "java.time.Duration",
            description = "How long to wait for a TCP connection to the API.")
    private long connectTimeout = 10_000;

    @UriParam(
            label = "advanced",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "How long to wait for the API's response once the request was sent.")
    private long requestTimeout = 30_000;

    @UriParam(
            label = "advanced",
            defaultValue = "20",
            description = "Maximum number of pooled connections to the API. The endpoints of a component that call"
                    + " the same base URL (with the same connectTimeout and maxConnections) share one pool.")
    private int maxConnections = 20;

    @UriParam(
            label = "advanced",
            description = "An Apache HttpClient 5 of your own (e.g. #bean:recurrenteHttpClient) for a proxy, your own"
                    + " TLS or interceptors: every call goes through it and its own timeouts and pool apply"
                    + " (connectTimeout, requestTimeout and maxConnections are then not used). The component never"
                    + " closes it.")
    private CloseableHttpClient httpClient;

    @UriParam(
            label = "producer",
            enums = "PATCH,PUT",
            defaultValue = "PATCH",
            description = "HTTP verb for update operations on checkouts, products, coupons and payment intents:"
                    + " the Postman docs say PATCH, the current reference says PUT. Customers and"
                    + " subscriptions always use PUT.")
    private String updateMethod = "PATCH";

    @UriParam(
            label = "producer",
            description = "Id of the resource for get, update, delete and cancel operations. The header"
                    + " CamelRecurrenteId overrides it.")
    private String id;

    @UriParam(
            label = "producer",
            description = "Page number (from 1) for list operations. The header CamelRecurrentePage overrides it.")
    private Integer page;

    @UriParam(
            label = "common",
            description = "Page size (1-100) for list operations; the API's default is 10 (allPages and the"
                    + " polling consumer use 100 when it is not set). The header CamelRecurrenteItems"
                    + " overrides it.")
    private Integer items;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "For list operations: return a lazy Iterator over all pages instead of one page as a"
                    + " List. Pages are fetched only as the iterator is consumed, so"
                    + " split(body()).streaming() works in constant memory.")
    private boolean allPages;

    @UriParam(
            label = "common",
            description = "Filter of listCheckouts and listIntents: only items created at or after this ISO-8601"
                    + " instant (the polling consumer never goes below it either). The header"
                    + " CamelRecurrenteFromTime overrides it.")
    private String fromTime;

    @UriParam(
            label = "common",
            description = "Filter of listCheckouts and listIntents: only items created at or before this ISO-8601"
                    + " instant. The header CamelRecurrenteUntilTime overrides it.")
    private String untilTime;

    @UriParam(
            label = "common",
            description = "listCheckouts: only checkouts of this user (us_...), sent as user_id. getCustomer: look"
                    + " the customer up by this user id (the user_id query parameter of GET /customers/{id};"
                    + " without a customer id the user id is also the path id). The header"
                    + " CamelRecurrenteUserId overrides it.")
    private String userId;

    @UriParam(
            label = "producer",
            defaultValue = "true",
            description = "Validate request bodies before any HTTP call (currency GTQ/USD, quantity 1..9,"
                    + " item amount_in_cents 0 or more, metadata limits; every rule and its source are listed"
                    + " in docs/component.md) and fail with a message naming the field.")
    private boolean validateRequests = true;

    @UriParam(
            label = "producer",
            defaultValue = "true",
            description = "Send an Idempotency-Key header on POST creates: the CamelRecurrenteIdempotencyKey header"
                    + " if present, else one derived from the exchange id (the same across retries of one"
                    + " exchange).")
    private boolean sendIdempotencyKey = true;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "3",
            description = "How many times a request answered 429 Too Many Requests is retried (every operation:"
                    + " the request was not processed). 0 disables.")
    private int rateLimitRetries = 3;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "5s",
            javaType = "java.time.Duration",
            description = "Longest Retry-After (429, or 5xx of a safe operation) the producer waits for on the"
                    + " route's thread; a longer one fails the exchange at once with the RecurrenteApiException"
                    + " carrying it and the CamelRedeliveryDelay header set to it, so that Camel's redelivery"
                    + " (asyncDelayedRedelivery) waits instead, without holding a thread.")
    private long maxRetryAfter = 5_000;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "2",
            description = "How many times a 5xx answer or an I/O error is retried for safe or idempotent"
                    + " operations (GET, PUT, PATCH, DELETE). POST creates are never retried automatically:"
                    + " a duplicate one-time payment charges a card twice. 0 disables.")
    private int serverErrorRetries = 2;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "500ms",
            javaType = "java.time.Duration",
            description = "First delay between retries of 5xx/I/O errors (and of 429 without Retry-After);"
                    + " doubled after each attempt.")
    private long retryDelay = 500;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "5",
            description = "At most this many retries of one call in all (429, 5xx and I/O together), on top of"
                    + " rateLimitRetries and serverErrorRetries. 0 turns the component's own retries off, so"
                    + " that Camel's redelivery (errorHandler / onException) is the only retry layer: with"
                    + " both, one exchange may make (maxRetries plus one) times (maximumRedeliveries plus one)"
                    + " HTTP attempts.")
    private int maxRetries = 5;

    @UriParam(
            label = "producer,health",
            defaultValue = "60s",
            javaType = "java.time.Duration",
            description = "The producer health check calls testCredentials (GET /test) at most once per this"
                    + " interval for one set of keys and base URL, however often it is probed; in between it"
                    + " answers the cached result.")
    private long credentialsCheckInterval = 60_000;

    // ---------------------------------------------------------------- webhook consumer

    @UriParam(
            label = "consumer,webhook",
            defaultValue = DEFAULT_WEBHOOK_PATH,
            description = "Path (on the Camel Platform HTTP server) where recurrente:events receives webhooks."
                    + " When wrapped as webhook:recurrente:events the webhook component's webhookPath is"
                    + " used, defaulting to this value.")
    private String webhookPath = DEFAULT_WEBHOOK_PATH;

    @UriParam(
            label = "consumer,webhook,security",
            secret = true,
            description = "The endpoint's signing secret (whsec_...) used to verify Svix signatures. Several"
                    + " secrets may be given as a comma separated list (TEST and LIVE endpoints have"
                    + " separate secrets); a signature matching any of them passes.")
    private String webhookSecret;

    @UriParam(
            label = "consumer,webhook",
            defaultValue = "true",
            description = "Verify the Svix signature and timestamp of every webhook before it is parsed. Starting"
                    + " without a webhookSecret while this is true is an error.")
    private boolean verifySignature = true;

    @UriParam(
            label = "consumer,webhook",
            description = "Comma separated event types to route, with * wildcards (e.g."
                    + " payment_intent.*,subscription.cancel). Other events are acknowledged with 2xx and"
                    + " not routed. Empty means all.")
    private String eventTypes;

    @UriParam(
            label = "consumer,webhook",
            defaultValue = "5m",
            javaType = "java.time.Duration",
            description = "Maximum age (and future skew) of a webhook's svix-timestamp.")
    private long tolerance = 300_000;

    @UriParam(
            label = "consumer,webhook",
            defaultValue = "1048576",
            description = "Largest webhook body accepted, in bytes; larger ones are answered 413.")
    private long maxBodySize = 1024 * 1024;

    @UriParam(
            label = "consumer,webhook",
            description = "IdempotentRepository used to drop duplicate deliveries by svix-id (for example a"
                    + " JdbcMessageIdRepository shared by several nodes). Default: an in-memory repository"
                    + " of the last 10000 ids.")
    private IdempotentRepository idempotentRepository;

    @UriParam(
            label = "consumer,webhook",
            defaultValue = "false",
            description = "Before routing an event, fetch the canonical object (checkout, intent or"
                    + " subscription) from the API and put it in the CamelRecurrenteCanonical header.")
    private boolean refetch;

    @UriParam(
            label = "consumer,webhook",
            description = "File where an auto-registered endpoint's signing secret is stored (and read back on"
                    + " restart) when no webhookSecret is configured.")
    private String webhookSecretFile;

    @UriParam(
            label = "consumer,webhook",
            defaultValue = "false",
            description = "Delete the registered webhook endpoint at Recurrente when the route stops (only with"
                    + " webhook auto-registration).")
    private boolean webhookUnregisterOnStop;

    @UriParam(
            label = "consumer,webhook",
            defaultValue = "Camel Recurrente",
            description = "Description given to the webhook endpoint when it is auto-registered.")
    private String webhookDescription = "Camel Recurrente";

    @UriParam(
            label = "consumer,webhook,health",
            defaultValue = "10",
            description = "The webhook health check reports DOWN when every one of the last this many deliveries"
                    + " failed signature verification (a wrong or rotated webhookSecret); one verified"
                    + " delivery brings it back UP.")
    private int signatureFailureThreshold = 10;

    // ---------------------------------------------------------------- polling consumer

    @UriParam(
            label = "consumer,polling",
            description = "Polling consumer: only emit items with this status (e.g. paid for listCheckouts,"
                    + " active for listSubscriptions). Empty means every status.")
    private String status;

    @UriParam(
            label = "consumer,polling",
            defaultValue = "now",
            description = "Polling consumer without a saved position: emit items created at or after this"
                    + " ISO-8601 instant; now (the default) emits only items created after the route"
                    + " started, 1970-01-01T00:00:00Z emits everything.")
    private String initialFromTime = "now";

    @UriParam(
            label = "consumer,polling",
            defaultValue = "false",
            description = "Polling consumer: emit an item again when its status changed since it was last seen"
                    + " (e.g. a checkout going from unpaid to paid); for lists whose items have a status"
                    + " (not customers). The statuses of the 1000 newest items are watched.")
    private boolean emitStatusChanges;

    @UriParam(
            label = "consumer,polling",
            description = "StateRepository (e.g. FileStateRepository) where the polling consumer keeps its"
                    + " position (high-water mark and ids seen at it), so a restart emits nothing twice.")
    private StateRepository<String, String> stateRepository;

    @UriParam(
            label = "consumer,polling",
            defaultValue = "0",
            description = "Polling consumer: the most items one poll emits (0 = no limit); the rest follow in the"
                    + " next polls.")
    private int maxMessagesPerPoll;

    @UriParam(
            label = "consumer,polling",
            defaultValue = "false",
            description = "Polling consumer, items without created_at (listProducts, listCoupons, listCustomers,"
                    + " polled by identity): also emit the items the first poll finds (the baseline). By"
                    + " default the first poll only remembers them and later polls emit the items that"
                    + " appear after it.")
    private boolean emitExistingItems;

    @UriParam(
            label = "consumer,polling",
            defaultValue = "100000",
            description = "Polling consumer, items without created_at (polled by identity): how many ids are"
                    + " remembered in the position; beyond it the id not listed for the longest time is"
                    + " forgotten. 100 000 ids take about 2.5 MB in the state repository.")
    private int maxSeenIds = 100_000;

    /** A copy for an endpoint, so endpoint options never leak into the component defaults. */
    public RecurrenteConfiguration copy() {
        try {
            return (RecurrenteConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // never print keys or secrets
        return "RecurrenteConfiguration[operation=" + operation + ", baseUrl=" + baseUrl
                + ", publicKey=" + (publicKey == null ? "unset" : "***")
                + ", secretKey=" + (secretKey == null ? "unset" : "***") + "]";
    }

    public RecurrenteOperation getOperation() {
        return operation;
    }

    public void setOperation(RecurrenteOperation operation) {
        this.operation = operation;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getUpdateMethod() {
        return updateMethod;
    }

    public void setUpdateMethod(String updateMethod) {
        this.updateMethod = updateMethod;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getItems() {
        return items;
    }

    public void setItems(Integer items) {
        this.items = items;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public String getFromTime() {
        return fromTime;
    }

    public void setFromTime(String fromTime) {
        this.fromTime = fromTime;
    }

    public String getUntilTime() {
        return untilTime;
    }

    public void setUntilTime(String untilTime) {
        this.untilTime = untilTime;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public boolean isValidateRequests() {
        return validateRequests;
    }

    public void setValidateRequests(boolean validateRequests) {
        this.validateRequests = validateRequests;
    }

    public boolean isSendIdempotencyKey() {
        return sendIdempotencyKey;
    }

    public void setSendIdempotencyKey(boolean sendIdempotencyKey) {
        this.sendIdempotencyKey = sendIdempotencyKey;
    }

    public int getRateLimitRetries() {
        return rateLimitRetries;
    }

    public void setRateLimitRetries(int rateLimitRetries) {
        this.rateLimitRetries = rateLimitRetries;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getServerErrorRetries() {
        return serverErrorRetries;
    }

    public void setServerErrorRetries(int serverErrorRetries) {
        this.serverErrorRetries = serverErrorRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getCredentialsCheckInterval() {
        return credentialsCheckInterval;
    }

    public void setCredentialsCheckInterval(long credentialsCheckInterval) {
        this.credentialsCheckInterval = credentialsCheckInterval;
    }

    public int getSignatureFailureThreshold() {
        return signatureFailureThreshold;
    }

    public void setSignatureFailureThreshold(int signatureFailureThreshold) {
        this.signatureFailureThreshold = signatureFailureThreshold;
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

    public boolean isVerifySignature() {
        return verifySignature;
    }

    public void setVerifySignature(boolean verifySignature) {
        this.verifySignature = verifySignature;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public long getTolerance() {
        return tolerance;
    }

    public void setTolerance(long tolerance) {
        this.tolerance = tolerance;
    }

    /** {@link #getTolerance()} in whole seconds, as the Svix verifier compares timestamps. */
    public long getToleranceSeconds() {
        return tolerance / 1000;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isRefetch() {
        return refetch;
    }

    public void setRefetch(boolean refetch) {
        this.refetch = refetch;
    }

    public String getWebhookSecretFile() {
        return webhookSecretFile;
    }

    public void setWebhookSecretFile(String webhookSecretFile) {
        this.webhookSecretFile = webhookSecretFile;
    }

    public boolean isWebhookUnregisterOnStop() {
        return webhookUnregisterOnStop;
    }

    public void setWebhookUnregisterOnStop(boolean webhookUnregisterOnStop) {
        this.webhookUnregisterOnStop = webhookUnregisterOnStop;
    }

    public String getWebhookDescription() {
        return webhookDescription;
    }

    public void setWebhookDescription(String webhookDescription) {
        this.webhookDescription = webhookDescription;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getInitialFromTime() {
        return initialFromTime;
    }

    public void setInitialFromTime(String initialFromTime) {
        this.initialFromTime = initialFromTime;
    }

    public boolean isEmitStatusChanges() {
        return emitStatusChanges;
    }

    public void setEmitStatusChanges(boolean emitStatusChanges) {
        this.emitStatusChanges = emitStatusChanges;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isEmitExistingItems() {
        return emitExistingItems;
    }

    public void setEmitExistingItems(boolean emitExistingItems) {
        this.emitExistingItems = emitExistingItems;
    }

    public int getMaxSeenIds() {
        return maxSeenIds;
    }

    public void setMaxSeenIds(int maxSeenIds) {
        this.maxSeenIds = maxSeenIds;
    }
}
