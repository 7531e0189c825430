package io.github.camelrecurrente.component.observe;

import java.util.HashMap;
import java.util.Map;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.client.ClientSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observability state of one component instance: the meters (looked up once in the Camel registry), its name
 * (the {@code component} tag) and the producer credential checks, one per distinct base URL and keys, shared by all
 * the producers that use them.
 */
public final class RecurrenteObservability {

    private static final Logger LOG = LoggerFactory.getLogger(RecurrenteObservability.class);
    private static final String MICROMETER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    /** camel-micrometer, whose registry lookup {@link MicrometerMeters} reuses. */
    private static final String CAMEL_MICROMETER_CLASS = "org.apache.camel.component.micrometer.MicrometerUtils";

    private final RecurrenteComponent component;
    private final Map<CredentialsKey, CredentialsHealthCheck> credentialChecks = new HashMap<>();
    private volatile Meters meters;
    private volatile String name;

    public RecurrenteObservability(RecurrenteComponent component) {
        this.component = component;
    }

    static RecurrenteObservability of(RecurrenteComponent component) {
        return component.getObservability();
    }

    /** The meters to record to: Micrometer when a MeterRegistry is bound, else nothing. Looked up once. */
    Meters meters() {
        Meters m = meters;
        if (m == null) {
            CamelContext context = component.getCamelContext();
            if (context == null) {
                return Meters.NONE;
            }
            m = micrometerPresent() ? MicrometerMeters.lookup(context, name()) : Meters.NONE;
            LOG.debug(
                    "recurrente: metrics {}",
                    m == Meters.NONE ? "off (no camel-micrometer or no MeterRegistry bound)" : "to Micrometer");
            meters = m;
        }
        return m;
    }

    /** The component's name in its CamelContext ({@code recurrente} unless it was added under another name). */
    public String name() {
        String n = name;
        if (n == null) {
            n = "recurrente";
            CamelContext context = component.getCamelContext();
            if (context != null) {
                for (String candidate : context.getComponentNames()) {
                    if (context.hasComponent(candidate) == component) {
                        n = candidate;
                        break;
                    }
                }
            }
            name = n;
        }
        return n;
    }

    static boolean micrometerPresent() {
        try {
            ClassLoader loader = RecurrenteObservability.class.getClassLoader();
            Class.forName(MICROMETER_REGISTRY_CLASS, false, loader);
            Class.forName(CAMEL_MICROMETER_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- producer credential checks

    /**
     * Registers (or reuses) the readiness check of these settings in Camel's {@code producers} health-check
     * repository; a no-op without camel-health. Call {@link #releaseCredentialsCheck} when the producer stops.
     *
     * @return the check, or null when there is no health-check repository
     */
    public synchronized Object acquireCredentialsCheck(RecurrenteConfiguration config, ClientSettings settings) {
        CamelContext context = component.getCamelContext();
        WritableHealthCheckRepository repo = context == null
                ? null
                : HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class);
        if (repo == null) {
            return null;
        }
        CredentialsKey key = new CredentialsKey(settings.baseUrl(), settings.publicKey(), settings.secretKey());
        CredentialsHealthCheck check = credentialChecks.get(key);
        if (check == null) {
            int n = credentialChecks.size() + 1;
            String id = name() + "-credentials" + (n == 1 ? "" : "-" + n);
            check = new CredentialsHealthCheck(
                    id,
                    settings,
                    probe -> component.httpTransport(config, probe),
                    config.getCredentialsCheckInterval(),
                    System::currentTimeMillis);
            check.setEnabled(component.isHealthCheckProducerEnabled());
            credentialChecks.put(key, check);
            repo.addHealthCheck(check);
        }
        check.users++;
        return check;
    }

    /** The producer that acquired this check stopped; the last one removes it. */
    public synchronized void releaseCredentialsCheck(Object handle) {
        if (!(handle instanceof CredentialsHealthCheck check) || --check.users > 0) {
            return;
        }
        credentialChecks.values().remove(check);
        check.close();
        CamelContext context = component.getCamelContext();
        WritableHealthCheckRepository repo = context == null
                ? null
                : HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class);
        if (repo != null) {
            repo.removeHealthCheck(check);
        }
    }

    // ---------------------------------------------------------------- webhook check

    /** Registers the webhook check of this endpoint in the health-check registry (no-op without camel-health). */
    public Object registerWebhookCheck(EndpointObserver observer, String path) {
        CamelContext context = component.getCamelContext();
        HealthCheckRegistry registry = context == null ? null : HealthCheckRegistry.get(context);
        if (registry == null) {
            return null;
        }
        WebhookHealthCheck check = new WebhookHealthCheck("recurrente-webhook:" + path, observer);
        check.setEnabled(component.isHealthCheckConsumerEnabled());
        registry.unregister(check); // same id: a restarted consumer replaces its check
        registry.register(check);
        return check;
    }

    public void unregisterWebhookCheck(Object handle) {
        CamelContext context = component.getCamelContext();
        HealthCheckRegistry registry = context == null ? null : HealthCheckRegistry.get(context);
        if (registry != null && handle != null) {
            registry.unregister(handle);
        }
    }

    /** Base URL and keys: what makes two endpoints share a credentials check. toString() hides the keys. */
    record CredentialsKey(String baseUrl, String publicKey, String secretKey) {
        @Override
        public String toString() {
            return "CredentialsKey[" + baseUrl + "]";
        }
    }
}
