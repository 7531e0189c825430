package io.github.camelrecurrente.component.observe;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer readiness check calls GET /test at most once per interval (requests counted at the sandbox): UP with
 * the right keys, DOWN with the reason with wrong ones; honours healthCheckProducerEnabled.
 */
class ProducerHealthCheckTest extends SandboxTestSupport {

    static final String WRONG = "sk_test_wrong_key_for_health";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        ctx.addComponent("recurrente-bad", component(WRONG, true));
        ctx.addComponent("recurrente-off", component(SK2, false));
        return ctx;
    }

    private RecurrenteComponent component(String secretKey, boolean producerChecks) {
        RecurrenteComponent c = new RecurrenteComponent();
        RecurrenteConfiguration cfg = c.getConfiguration();
        cfg.setBaseUrl(sandbox.baseUrl());
        cfg.setSecretKey(secretKey);
        cfg.setCredentialsCheckInterval(3_600_000);
        c.setHealthCheckProducerEnabled(producerChecks);
        return c;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").routeId("good").to("recurrente:getCheckout?credentialsCheckInterval=1h");
                from("direct:good2").routeId("good2").to("recurrente:listCheckouts");
                from("direct:bad").routeId("bad").to("recurrente-bad:getCheckout");
                from("direct:off").routeId("off").to("recurrente-off:getCheckout");
            }
        };
    }

    private WritableHealthCheckRepository producers;

    @BeforeEach
    void enableProducerChecks() {
        producers =
                HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class);
        assertNotNull(producers, "camel-health's producers repository");
        producers.setEnabled(true); // camel.health.producers-enabled=true in an application
        sandbox.clearRequests();
    }

    private HealthCheck check(String id) {
        return producers.stream()
                .filter(c -> c.getId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in "
                        + producers.stream().map(HealthCheck::getId).toList()));
    }

    private long testRequests(String secretKey) {
        return sandbox.requests().stream()
                .filter(r -> r.path().equals("/api/test") && secretKey.equals(r.header("X-SECRET-KEY")))
                .count();
    }

    @Test
    void upWithTheRightKeysAndTheApiIsCalledOncePerInterval() {
        HealthCheck good = check("recurrente-credentials");
        for (int i = 0; i < 5; i++) {
            HealthCheck.Result r = good.call();
            assertEquals(HealthCheck.State.UP, r.getState(), r.getMessage().orElse(""));
            assertEquals(i > 0, r.getDetails().get("cached"));
        }
        assertEquals(1, testRequests(SK), "one GET /test for five probes, shared by both producers of the keys");
        assertEquals("test", good.call().getDetails().get("key.mode"));
        assertFalse(good.isLiveness(), "readiness only: a restart does not fix keys");
    }

    @Test
    void downWithTheReasonWithWrongKeysWithoutHammering() {
        HealthCheck bad = check("recurrente-bad-credentials");
        for (int i = 0; i < 4; i++) {
            HealthCheck.Result r = bad.call();
            assertEquals(HealthCheck.State.DOWN, r.getState());
            assertTrue(r.getMessage().orElse("").contains("401"), r.getMessage().toString());
            assertEquals(401, r.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
            assertFalse(r.getMessage().orElse("").contains(WRONG), "never the key");
        }
        assertEquals(1, testRequests(WRONG));

        Collection<HealthCheck.Result> all = HealthCheckHelper.invokeReadiness(context);
        assertFalse(HealthCheckHelper.isResultsUp(all, true), "the application is not ready with wrong keys");
    }

    @Test
    void honoursHealthCheckProducerEnabled() {
        HealthCheck.Result r = check("recurrente-off-credentials").call();
        assertEquals(HealthCheck.State.UNKNOWN, r.getState());
        assertEquals(0, testRequests(SK2), "a disabled check does not call the API");
    }

    @Test
    void theLastStoppedProducerRemovesItsCheck() throws Exception {
        check("recurrente-bad-credentials");
        context.getRouteController().stopRoute("bad");
        assertTrue(producers.stream().noneMatch(c -> c.getId().equals("recurrente-bad-credentials")));
        context.getRouteController().stopRoute("good");
        assertNotNull(check("recurrente-credentials"), "still used by the other producer with the same keys");
    }

    @Test
    void probesAgainOnceTheIntervalHasPassed() {
        RecurrenteEndpoint endpoint = context.getEndpoint("recurrente:getCheckout", RecurrenteEndpoint.class);
        AtomicLong clock = new AtomicLong(1_000_000);
        CredentialsHealthCheck check =
                new CredentialsHealthCheck("probe", endpoint.clientSettings(), 60_000, clock::get);
        try {
            assertEquals(HealthCheck.State.UP, check.call(Map.of()).getState());
            clock.addAndGet(59_999);
            check.call(Map.of());
            assertEquals(1, testRequests(SK));
            clock.addAndGet(1);
            assertEquals(HealthCheck.State.UP, check.call(Map.of()).getState());
            assertEquals(2, testRequests(SK), "a new probe after the interval");
        } finally {
            check.close();
        }
    }
}
