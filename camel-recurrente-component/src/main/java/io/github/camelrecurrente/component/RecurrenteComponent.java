package io.github.camelrecurrente.component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
