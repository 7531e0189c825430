package io.github.camelrecurrente.component.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.sandbox.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Polling meters, the polling health check with its last success time, and the console's polling position. */
class PollingObservabilityTest extends PollingTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private CamelContext start(String routeId, String uri, List<Exchange> sink) throws Exception {
        CamelContext ctx = newContext();
        ctx.getRegistry().bind("metricsRegistry", meters);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(sink::add);
            }
        });
        ctx.start();
        return ctx;
    }

    private double polls(String routeId, String outcome) {
        Counter c = meters.find("recurrente.poll.polls")
                .tags("route", routeId, "outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    private static HealthCheck.Result consumerCheck(CamelContext ctx, String routeId) {
        HealthCheck check = ((HealthCheckAware) ctx.getRoute(routeId).getConsumer()).getHealthCheck();
        assertNotNull(check);
        return check.call();
    }

    @Test
    void itemsPollsGaugesAndTheCheckWithItsLastSuccessTime() throws Exception {
        List<Exchange> got = sink();
        CamelContext ctx = start("poller", fast("listCheckouts", null), got);
        sandbox.createCheckout(1000, "GTQ");
        sandbox.createCheckout(2000, "GTQ");
        awaitExactly(got, 2);

        Counter items = meters.find("recurrente.poll.items")
                .tags("route", "poller", "operation", "listCheckouts", "kind", "new")
                .counter();
        assertNotNull(items);
        assertEquals(2.0, items.count());
        assertTrue(polls("poller", "success") >= 1);
        Gauge age = meters.find("recurrente.poll.last.success.age")
                .tags("route", "poller")
                .gauge();
        assertNotNull(age);
        assertTrue(age.value() >= 0, "seconds since the last successful poll");
        assertEquals(
                0.0,
                meters.find("recurrente.poll.lag")
                        .tags("route", "poller")
                        .gauge()
                        .value(),
                "caught up");
        assertEquals(
                0.1,
                meters.find("recurrente.poll.period")
                        .tags("route", "poller")
                        .gauge()
                        .value());

        HealthCheck check = HealthCheckHelper.getHealthCheckRepository(ctx, "consumers").stream()
                .filter(c -> c.getId().equals("consumer:poller"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("in Camel's consumers repository"));
        HealthCheck.Result r = check.call();
        assertEquals(HealthCheck.State.UP, r.getState());
        assertNotNull(r.getDetails().get("last.success.time"), r.getDetails().toString());
        assertNotNull(r.getDetails().get("position"));
        assertEquals(2L, r.getDetails().get("items.emitted"));

        ctx.getRouteController().stopRoute("poller");
        assertTrue(meters.find("recurrente.poll.lag").gauges().isEmpty(), "a stopped consumer's gauges are removed");
    }

    @Test
    void failedPollsAreCountedAndTheCheckGoesDown() throws Exception {
        List<Exchange> got = sink();
        CamelContext ctx = start("failing", fast("listCheckouts", "serverErrorRetries=0"), got);
        await("a successful poll", Duration.ofSeconds(10), () -> polls("failing", "success") >= 1);
        sandbox.addFault(Fault.status(500).onPath("/api/checkouts.*").times(-1));
        await("failed polls", Duration.ofSeconds(10), () -> polls("failing", "failure") >= 2);

        HealthCheck.Result down = consumerCheck(ctx, "failing");
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue((Long) down.getDetails().get("failed.polls") >= 2);
        assertNotNull(down.getDetails().get("last.success.time"), "when it last worked");

        sandbox.clearFaults();
        double ok = polls("failing", "success");
        await("polls succeed again", Duration.ofSeconds(10), () -> polls("failing", "success") > ok);
        assertEquals(HealthCheck.State.UP, consumerCheck(ctx, "failing").getState());
    }

    @Test
    void noSuccessfulPollForThreePeriodsIsDown() throws Exception {
        List<Exchange> got = sink();
        CamelContext ctx = start("stalled", fast("listCheckouts", null), got);
        await("a successful poll", Duration.ofSeconds(10), () -> polls("stalled", "success") >= 1);
        ctx.getRouteController().suspendRoute("stalled"); // the scheduler no longer polls
        sleep(450); // more than 3 periods of 100 ms
        HealthCheck.Result r = consumerCheck(ctx, "stalled");
        assertEquals(HealthCheck.State.DOWN, r.getState());
        assertTrue(
                r.getMessage().orElse("").contains("3 poll periods"),
                r.getMessage().toString());
    }

    @Test
    void lagAndPendingWhenMaxMessagesPerPollHoldsItemsBack() throws Exception {
        Instant t0 = hourAgo();
        sandbox.seedCheckouts(SK, 3, t0.plusSeconds(1), t0.plusSeconds(3));
        List<Exchange> got = sink();
        CamelContext ctx = start(
                "slow",
                "recurrente:listCheckouts?initialDelay=0&delay=3600000&maxMessagesPerPoll=1" + "&initialFromTime=" + t0,
                got);
        await("the first poll", Duration.ofSeconds(10), () -> got.size() == 1 && polls("slow", "success") == 1);

        double lag =
                meters.find("recurrente.poll.lag").tags("route", "slow").gauge().value();
        assertTrue(lag > 3000, "two items created about an hour ago wait for the next poll: " + lag);

        DevConsole console = PluginHelper.getDevConsoleResolver(ctx).resolveDevConsole("recurrente");
        assertNotNull(console, "found through the generated service file");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        @SuppressWarnings("unchecked")
        Map<String, Object> endpoint = ((List<Map<String, Object>>) json.get("endpoints")).get(0);
        assertEquals("listCheckouts", endpoint.get("operation"));
        @SuppressWarnings("unchecked")
        Map<String, Object> polling = (Map<String, Object>) endpoint.get("polling");
        assertEquals("slow", polling.get("routeId"));
        assertEquals(2, polling.get("pending"));
        assertEquals(1L, polling.get("itemsEmitted"));
        assertNotNull(polling.get("position"));
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("Polling (route slow)"), text);
        assertFalse(text.contains(SK), "never the key");
    }
}
