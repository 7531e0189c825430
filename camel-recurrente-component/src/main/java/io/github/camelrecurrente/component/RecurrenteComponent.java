package io.github.camelrecurrente.component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelrecurrente.component.client.ClientSettings;
import io.github.camelrecurrente.component.client.ConnectionPools;
import io.github.camelrecurrente.component.client.HttpTransport;
import io.github.camelrecurrente.component.observe.RecurrenteObservability;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code recurrente:} component. Its configuration holds the defaults (keys, base URL, timeouts, retry rule)
 * that each endpoint copies and may override; several component instances (e.g. {@code recurrente-tienda2}) or
 * endpoint options serve several accounts in one CamelContext.
 */
@Component("recurrente")
public class RecurrenteComponent extends HealthCheckComponent {

    @Metadata(description = "Default options for every endpoint of this component (endpoint options override them).")
    private RecurrenteConfiguration configuration = new RecurrenteConfiguration();

    private final RecurrenteObservability observability = new RecurrenteObservability(this);
    private final ConnectionPools connectionPools = new ConnectionPools();

    public RecurrenteComponent() {}

    public RecurrenteComponent(CamelContext context) {
        super(context);
    }

    /**
     * Option names Camel's built-in list does not mask in its configuration summaries (it masks {@code secretKey} by
     * name, not by the component's metadata): added to this context's sensitive keywords.
     */
    static final String SENSITIVE_OPTIONS = "webhooksecret,publickey";

    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        if (context != null) {
            String current = context.getCamelContextExtension().getAdditionalSensitiveKeywords();
            if (current == null || current.isBlank()) {
                context.getCamelContextExtension().setAdditionalSensitiveKeywords(SENSITIVE_OPTIONS);
            } else if (!current.toLowerCase(Locale.ENGLISH).contains(SENSITIVE_OPTIONS)) {
                context.getCamelContextExtension().setAdditionalSensitiveKeywords(current + "," + SENSITIVE_OPTIONS);
            }
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RecurrenteConfiguration config = configuration.copy();
        config.setOperation(parseOperation(remaining));
        RecurrenteEndpoint endpoint = new RecurrenteEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    static RecurrenteOperation parseOperation(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "recurrente: the operation is missing (recurrente:<operation>); one of " + operationNames());
        }
        try {
            return RecurrenteOperation.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            for (RecurrenteOperation op : RecurrenteOperation.values()) {
                if (op.name().equalsIgnoreCase(name.trim())) {
                    return op;
                }
            }
            throw new IllegalArgumentException(
                    "recurrente: unknown operation '" + name + "'; one of " + operationNames(), e);
        }
    }

    static String operationNames() {
        return Arrays.stream(RecurrenteOperation.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * The HTTP client an endpoint with these options sends through: the application's own {@code httpClient} when
     * one is set, else a lease of this component's connection pool for the base URL (one pool shared by every
     * endpoint that calls it). Released by closing the RecurrenteClient built on it.
     */
    public HttpTransport httpTransport(RecurrenteConfiguration config, ClientSettings settings) {
        return config.getHttpClient() != null
                ? HttpTransport.external(config.getHttpClient())
                : connectionPools.acquire(settings);
    }

    /** The connection pools of this component (internal). */
    public ConnectionPools getConnectionPools() {
        return connectionPools;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        connectionPools.close();
    }

    /** Meters, health checks and dev console state of this component (internal). */
    public RecurrenteObservability getObservability() {
        return observability;
    }

    public RecurrenteConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RecurrenteConfiguration configuration) {
        this.configuration = configuration;
    }
}
