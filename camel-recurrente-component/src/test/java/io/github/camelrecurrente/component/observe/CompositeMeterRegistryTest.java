package io.github.camelrecurrente.component.observe;

import java.util.Map;

import io.github.camelrecurrente.component.SandboxTestSupport;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An application with two Micrometer registries (say Prometheus and another backend) has three MeterRegistry beans:
 * the two and the composite over them that Spring Boot builds. The component finds the composite the way
 * camel-micrometer does and records to both backends.
 */
class CompositeMeterRegistryTest extends SandboxTestSupport {

    private final SimpleMeterRegistry prometheus = new SimpleMeterRegistry();
    private final SimpleMeterRegistry other = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(prometheus);
        composite.add(other);
        ctx.getRegistry().bind("prometheusMeterRegistry", prometheus);
        ctx.getRegistry().bind("otherMeterRegistry", other);
        ctx.getRegistry().bind("compositeMeterRegistry", composite);
        return ctx;
    }

    @Test
    void metersAreRecordedThroughTheCompositeRegistry() {
        Exchange ex = call("recurrente:testCredentials", null, Map.of());
        assertNull(ex.getException());
        for (SimpleMeterRegistry backend : new SimpleMeterRegistry[] {prometheus, other}) {
            var timer = backend.find("recurrente.api.calls")
                    .tags("operation", "testCredentials", "outcome", "success")
                    .timer();
            assertNotNull(timer, "recorded in each backend of the composite registry");
            assertEquals(1, timer.count());
        }
    }
}
