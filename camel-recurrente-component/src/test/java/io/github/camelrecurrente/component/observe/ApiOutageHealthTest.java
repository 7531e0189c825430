package io.github.camelrecurrente.component.observe;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.camelrecurrente.component.SandboxTestSupport;
import io.github.camelrecurrente.sandbox.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What Kubernetes sees while the Recurrente API is down (every call answered 503, or nothing listening): liveness
 * ({@code /observe/health/live}) and readiness ({@code /observe/health/ready}) stay UP, so no pod is restarted and
 * the webhook intake stays in its Service; the credentials check reports the outage as a detail, and only the full
 * {@code /observe/health} shows the failing poller. Refused keys (401) are the one thing that makes readiness DOWN.
 */
class ApiOutageHealthTest extends SandboxTestSupport {

    private WritableHealthCheckRepository producers;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        ctx.getComponent("recurrente", io.github.camelrecurrente.component.RecurrenteComponent.class)
                .getConfiguration()
                .setServerErrorRetries(0);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:checkout").routeId("producer").to("recurrente:getCheckout");
                from("recurrente:listCheckouts?initialDelay=0&delay=100")
                        .routeId("poller")
                        .to("log:polled?level=OFF");
            }
        };
    }

    @BeforeEach
    void enableProducerChecks() {
        producers =
                HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class);
        producers.setEnabled(true); // camel.health.producers-enabled=true
        // Camel's consumers repository, as Camel Main loads it (camel.health.consumers-enabled, on by default): it
        // wraps each consumer's check in a readiness check of its own
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
    }

    private HealthCheck.Result credentials() {
        return producers.stream()
                .filter(c -> c.getId().equals("recurrente-credentials"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no credentials check"))
                .call();
    }

    private HealthCheck.Result poller() {
        return ((HealthCheckAware) context.getRoute("poller").getConsumer())
                .getHealthCheck()
                .call();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        fail("timed out waiting for " + what);
    }

    private static List<String> ids(Collection<HealthCheck.Result> results) {
        return results.stream().map(r -> r.getCheck().getId()).toList();
    }

    @Test
    void anApiOutageLeavesLivenessAndReadinessUp() throws Exception {
        sandbox.addFault(Fault.status(503).onPath("/api/.*").times(-1));
        await("the poller to fail", () -> poller().getState() == HealthCheck.State.DOWN);

        HealthCheck.Result creds = credentials();
        assertEquals(HealthCheck.State.UP, creds.getState(), creds.getMessage().orElse(""));
        assertEquals(
                true, creds.getDetails().get("api.outage"), creds.getDetails().toString());
        assertTrue(
                String.valueOf(creds.getDetails().get("api.outage.reason")).contains("503"),
                creds.getDetails().toString());

        Collection<HealthCheck.Result> live = HealthCheckHelper.invokeLiveness(context, "full");
        assertTrue(HealthCheckHelper.isResultsUp(live, false), "liveness UP during the outage: " + live);
        assertTrue(
                ids(live).stream().noneMatch(id -> id.startsWith("recurrente")),
                "no component check is a liveness check: " + ids(live));

        Collection<HealthCheck.Result> ready = HealthCheckHelper.invokeReadiness(context, "full");
        assertTrue(HealthCheckHelper.isResultsUp(ready, true), "readiness UP during the outage: " + ready);
        assertTrue(ids(ready).contains("recurrente-credentials"), ids(ready).toString());
        assertTrue(
                ids(ready).contains("consumer:poller"),
                "Camel's consumers repository asks the poller's check as a readiness check, and it answers UP: "
                        + ids(ready));

        Collection<HealthCheck.Result> all = HealthCheckHelper.invoke(context, "full");
        assertFalse(HealthCheckHelper.isResultsUp(all, false), "the full report shows the failing poller: " + all);
        assertTrue(all.stream()
                .anyMatch(
                        r -> r.getCheck().getId().equals("consumer:poller") && r.getState() == HealthCheck.State.DOWN));
    }

    @Test
    void anUnreachableApiIsAnOutageToo() {
        String closed = "http://127.0.0.1:" + org.apache.camel.test.AvailablePortFinder.getNextAvailable() + "/api";
        CredentialsHealthCheck check = new CredentialsHealthCheck(
                "unreachable",
                new io.github.camelrecurrente.component.client.ClientSettings(
                        closed, null, SK, 1_000, 1_000, 1, 0, 0, 0, 1, 0),
                0,
                System::currentTimeMillis);
        try {
            HealthCheck.Result r = check.call(Map.of());
            assertEquals(HealthCheck.State.UP, r.getState(), r.getMessage().orElse(""));
            assertEquals(true, r.getDetails().get("api.outage"));
            assertTrue(String.valueOf(r.getDetails().get("api.outage.reason")).contains("not reachable"));
        } finally {
            check.close();
        }
    }

    @Test
    void refusedKeysAreTheOneReasonReadinessGoesDown() {
        sandbox.addFault(Fault.status(401).onPath("/api/test").times(-1));
        HealthCheck.Result creds = credentials();
        assertEquals(HealthCheck.State.DOWN, creds.getState());
        assertEquals(false, creds.getDetails().get("api.outage"));
        assertFalse(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context, "full"), true));
        assertTrue(
                HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeLiveness(context, "full"), false),
                "wrong keys are not fixed by a restart: liveness stays UP");
    }
}
