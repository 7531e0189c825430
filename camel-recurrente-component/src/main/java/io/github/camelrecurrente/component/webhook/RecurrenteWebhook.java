package io.github.camelrecurrente.component.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.RecurrenteException;
import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.client.ListRequest;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.model.WebhookEndpoint;
import io.github.camelrecurrente.component.model.WebhookEndpointRequest;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook side of one {@code recurrente:events} endpoint: creates the standalone consumer and the
 * {@link RecurrenteWebhookHandler}, resolves the signing secrets, and registers / unregisters the endpoint at
 * Recurrente for {@code webhook:recurrente:events} (Camel's {@code WebhookCapableEndpoint}).
 * <p>
 * Registration ({@link #register()}): lists {@code GET /webhook_endpoints} and reuses an endpoint whose URL equals
 * {@code webhookExternalUrl + path}; otherwise creates one ({@code POST /webhook_endpoints}). The signing secret
 * returned at creation is used (with any configured {@code webhookSecret}) and stored in {@code webhookSecretFile} when
 * set, so a restart that finds the endpoint again still verifies. Finding an existing endpoint without any secret to
 * verify it is a startup error that says how to fix it.
 */
public final class RecurrenteWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(RecurrenteWebhook.class);
    private static final int DEFAULT_REPOSITORY_SIZE = 10000;

    private final RecurrenteEndpoint endpoint;
    private volatile WebhookConfiguration webhookConfiguration;
    private volatile String registeredId;
    private volatile String registeredUrl;
    private volatile String registrationSecret;
    private IdempotentRepository defaultRepository;

    public RecurrenteWebhook(RecurrenteEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public RecurrenteEndpoint getEndpoint() {
        return endpoint;
    }

    public RecurrenteConfiguration getConfiguration() {
        return endpoint.getConfiguration();
    }

    /** The standalone consumer ({@code from("recurrente:events")}). */
    public Consumer createConsumer(Processor processor) {
        return new RecurrenteEventsConsumer(endpoint, processor, this);
    }

    /** The handler in front of the route (both forms). */
    public RecurrenteWebhookHandler createHandler(Processor next) {
        return new RecurrenteWebhookHandler(this, next);
    }

    /**
     * Keeps the webhook component's configuration; when it has no {@code webhookPath}, ours
     * ({@code /recurrente/events} by default) is used instead of Camel's hash path.
     */
    public void setWebhookConfiguration(WebhookConfiguration configuration) {
        if (configuration != null
                && (configuration.getWebhookPath() == null
                        || configuration.getWebhookPath().isBlank())) {
            configuration.setWebhookPath(normalizedPath());
        }
        this.webhookConfiguration = configuration;
    }

    public WebhookConfiguration getWebhookConfiguration() {
        return webhookConfiguration;
    }

    /** The id ({@code ep_...}) of the endpoint registered or reused at Recurrente, or null. */
    public String getRegisteredId() {
        return registeredId;
    }

    /** The URL registered at Recurrente, or null. */
    public String getRegisteredUrl() {
        return registeredUrl;
    }

    String normalizedPath() {
        String p = getConfiguration().getWebhookPath();
        if (p == null || p.isBlank()) {
            p = RecurrenteConfiguration.DEFAULT_WEBHOOK_PATH;
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    String describePath() {
        WebhookConfiguration wc = webhookConfiguration;
        if (wc != null) {
            return wc.computeFullPath(false);
        }
        return normalizedPath();
    }

    /** The configured repository, else this endpoint's in-memory one (the last 10000 delivery ids). */
    synchronized IdempotentRepository idempotentRepository() {
        IdempotentRepository configured = getConfiguration().getIdempotentRepository();
        if (configured != null) {
            return configured;
        }
        if (defaultRepository == null) {
            defaultRepository = new RecentDeliveryIds(DEFAULT_REPOSITORY_SIZE);
        }
        return defaultRepository;
    }

    /**
     * The secrets to verify with: the configured {@code webhookSecret} entries, the secret returned when this
     * endpoint registered itself, and the secret stored in {@code webhookSecretFile}; duplicates removed.
     *
     * @throws IllegalArgumentException when a configured or stored secret is malformed (named, never shown)
     */
    List<String> resolveSecrets() throws IOException {
        RecurrenteConfiguration c = getConfiguration();
        List<String> out = new ArrayList<>();
        String configured = c.getWebhookSecret();
        if (configured != null && !configured.isBlank()) {
            List<String> entries = SvixSignatureVerifier.splitSecrets(configured);
            for (int i = 0; i < entries.size(); i++) {
                SvixSignatureVerifier.validate(
                        entries.get(i),
                        "recurrente:events: the webhookSecret option"
                                + (entries.size() > 1 ? " (entry #" + (i + 1) + ")" : ""));
                addDistinct(out, entries.get(i));
            }
        } else if (configured != null) {
            throw new IllegalArgumentException("recurrente:events: the webhookSecret option is empty");
        }
        if (registrationSecret != null) {
            addDistinct(out, registrationSecret);
        }
        if (c.getWebhookSecretFile() != null && !c.getWebhookSecretFile().isBlank()) {
            WebhookSecretStore store = new WebhookSecretStore(c.getWebhookSecretFile());
            String stored = store.read();
            if (stored != null) {
                SvixSignatureVerifier.validate(stored, "recurrente:events: the secret stored in " + store.getFile());
                addDistinct(out, stored);
            }
        }
        return out;
    }

    private static void addDistinct(List<String> list, String secret) {
        if (!list.contains(secret)) {
            list.add(secret);
        }
    }

    // ---------------------------------------------------------------- registration

    /** {@code WebhookCapableEndpoint.registerWebhook()}: see the class description. */
    public void register() throws Exception {
        WebhookConfiguration wc = webhookConfiguration;
        if (wc == null) {
            throw new IllegalStateException("recurrente:events: registerWebhook needs the webhook: component"
                    + " (webhook:recurrente:events?webhookComponentName=platform-http&...)");
        }
        String url = wc.computeFullExternalUrl();
        if (wc.getWebhookExternalUrl() == null) {
            LOG.warn(
                    "recurrente:events: no webhookExternalUrl is set; registering {} which Recurrente can probably not"
                            + " reach. Set webhookExternalUrl to the public https URL of this server.",
                    url);
        }
        RecurrenteConfiguration c = getConfiguration();
        RecurrenteApi api = endpoint.getApi();
        WebhookEndpoint existing = findByUrl(api, url);
        WebhookSecretStore store =
                c.getWebhookSecretFile() == null || c.getWebhookSecretFile().isBlank()
                        ? null
                        : new WebhookSecretStore(c.getWebhookSecretFile());
        boolean configuredSecret =
                c.getWebhookSecret() != null && !c.getWebhookSecret().isBlank();
        if (existing != null) {
            registeredId = existing.getId();
            registeredUrl = url;
            String stored = store != null ? store.read() : null;
            if (!configuredSecret && stored == null && c.isVerifySignature()) {
                throw new IllegalStateException(
                        "recurrente:events: the Recurrente webhook endpoint " + existing.getId() + " for " + url
                                + " already exists, but its signing secret is not known here (Recurrente"
                                + " returns it only when an endpoint is created). Either set webhookSecret"
                                + " to the endpoint's signing secret from the Recurrente dashboard"
                                + " (Settings > Developers and API > Webhooks), or delete the endpoint"
                                + " (DELETE /webhook_endpoints/" + existing.getId() + ") so it is"
                                + " re-created and its secret stored"
                                + (store == null
                                        ? " (set webhookSecretFile to keep it across restarts)."
                                        : " in " + store.getFile() + "."));
            }
            LOG.info("recurrente:events: reusing Recurrente webhook endpoint {} for {}", existing.getId(), url);
            return;
        }
        WebhookEndpointRequest request = WebhookEndpointRequest.of(url);
        if (c.getWebhookDescription() != null && !c.getWebhookDescription().isBlank()) {
            request.description(c.getWebhookDescription());
        }
        WebhookEndpoint created;
        try {
            created = api.call(RecurrenteOperation.createWebhookEndpoint.spec(), null, request);
        } catch (IOException | RecurrenteException e) {
            throw new IllegalStateException(
                    "recurrente:events: registering the webhook endpoint " + url + " at Recurrente failed: "
                            + e.getMessage(),
                    e);
        }
        registeredId = created.getId();
        registeredUrl = url;
        String secret = created.getSigningSecret();
        if (secret == null || secret.isBlank()) {
            LOG.warn(
                    "recurrente:events: Recurrente created webhook endpoint {} for {} but returned no signing secret",
                    created.getId(),
                    url);
        } else {
            SvixSignatureVerifier.validate(secret, "the signing secret returned by Recurrente");
            registrationSecret = secret.trim();
            if (store != null) {
                store.write(registrationSecret);
                LOG.info(
                        "recurrente:events: registered Recurrente webhook endpoint {} for {}; its signing secret is"
                                + " stored in {}",
                        created.getId(),
                        url,
                        store.getFile());
            } else {
                LOG.info("recurrente:events: registered Recurrente webhook endpoint {} for {}", created.getId(), url);
                if (!configuredSecret) {
                    LOG.warn(
                            "recurrente:events: the signing secret of {} is kept in memory only; after a restart it is"
                                    + " unknown. Set webhookSecretFile (or copy the secret from the Recurrente dashboard into"
                                    + " webhookSecret).",
                            created.getId());
                }
            }
        }
    }

    private static WebhookEndpoint findByUrl(RecurrenteApi api, String url) {
        try {
            Iterator<WebhookEndpoint> it = api.pages(new ListRequest(
                    RecurrenteOperation.listWebhookEndpoints.spec(), null, null, ListRequest.MAX_ITEMS, true));
            while (it.hasNext()) {
                WebhookEndpoint e = it.next();
                if (e != null && sameUrl(url, e.getUrl())) {
                    return e;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "recurrente:events: listing the webhook endpoints at Recurrente failed: " + e.getMessage(), e);
        }
    }

    static boolean sameUrl(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return strip(a).equals(strip(b));
    }

    private static String strip(String u) {
        String s = u.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * {@code WebhookCapableEndpoint.unregisterWebhook()}: with {@code webhookUnregisterOnStop=true}, deletes the
     * endpoint registered or reused by {@link #register()} and the stored secret (it belongs to the deleted endpoint).
     * Failures are logged, not thrown, so a shutdown is never blocked by the API.
     */
    public void unregister() {
        String id = registeredId;
        RecurrenteConfiguration c = getConfiguration();
        if (id == null || !c.isWebhookUnregisterOnStop()) {
            return;
        }
        try {
            endpoint.getApi().call(RecurrenteOperation.deleteWebhookEndpoint.spec(), id, null);
            LOG.info("recurrente:events: deleted Recurrente webhook endpoint {} ({})", id, registeredUrl);
            registeredId = null;
            registrationSecret = null;
            if (c.getWebhookSecretFile() != null && !c.getWebhookSecretFile().isBlank()) {
                new WebhookSecretStore(c.getWebhookSecretFile()).delete();
            }
        } catch (Exception e) {
            LOG.warn("recurrente:events: deleting Recurrente webhook endpoint {} failed: {}", id, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "RecurrenteWebhook[path=" + describePath() + ", registeredId=" + registeredId + "]";
    }
}
