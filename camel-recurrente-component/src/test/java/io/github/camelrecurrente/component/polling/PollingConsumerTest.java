package io.github.camelrecurrente.component.polling;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Coupon;
import io.github.camelrecurrente.component.model.CouponRequest;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.PriceRequest;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.model.ProductRequest;
import io.github.camelrecurrente.component.model.Subscription;
import io.github.camelrecurrente.sandbox.Fault;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polling consumer against the loopback sandbox. */
class PollingConsumerTest extends PollingTestSupport {

    @TempDir
    Path tmp;

    @Test
    void emitsOnlyItemsCreatedAfterStartEachOnceWithBatchHeaders() throws Exception {
        Instant now = Instant.now();
        sandbox.seedCheckouts(SK, 3, now.minusSeconds(30), now.minusSeconds(10)); // before start: not emitted
        List<Exchange> got = sink();
        startPolling("poll-new", fast("listCheckouts", null), got);
        fewPolls();
        assertEquals(0, got.size(), "items created before the route started are not emitted (initialFromTime=now)");

        String a = sandbox.createCheckout(1000, "GTQ");
        String b = sandbox.createCheckout(2000, "GTQ");
        awaitExactly(got, 2);
        assertEquals(List.of(a, b), ids(got), "oldest first");
        Checkout first =
                assertInstanceOf(Checkout.class, got.get(0).getMessage().getBody());
        assertEquals(a, first.getId());
        assertEquals("unpaid", first.getStatus());
        assertEquals(
                RecurrentePollingConsumer.EVENT_NEW,
                got.get(0).getMessage().getHeader(RecurrentePollingConsumer.POLL_EVENT));

        String c = sandbox.createCheckout(3000, "GTQ");
        awaitExactly(got, 3);
        assertEquals(c, ids(got).get(2));
        Exchange third = got.get(2);
        assertEquals(0, third.getProperty(Exchange.BATCH_INDEX, Integer.class));
        assertEquals(1, third.getProperty(Exchange.BATCH_SIZE, Integer.class));
        assertEquals(Boolean.TRUE, third.getProperty(Exchange.BATCH_COMPLETE, Boolean.class));
    }

    @Test
    void pagesThroughManyPagesOldestFirstThenStaysShallow() throws Exception {
        Instant t0 = hourAgo();
        sandbox.seedCheckouts(SK, 5, t0.minusSeconds(100), t0.minusSeconds(1)); // before initialFromTime
        List<String> seeded = sandbox.seedCheckouts(SK, 250, t0.plusSeconds(1), t0.plusSeconds(2500));
        List<Exchange> got = sink();
        startPolling("poll-pages", fast("listCheckouts", "items=20&initialFromTime=" + t0), got);
        awaitExactly(got, 250);
        assertEquals(seeded, ids(got), "every item once, oldest first, across 13 pages");
        assertEquals(250, got.get(249).getProperty(Exchange.BATCH_SIZE, Integer.class));
        assertEquals(Boolean.TRUE, got.get(249).getProperty(Exchange.BATCH_COMPLETE, Boolean.class));
        assertTrue(
                listRequests("/checkouts").stream().anyMatch(r -> r.query().contains("page=13")),
                "the first poll went down to page 13");

        // later polls only read from the high-water mark on: one page each
        sandbox.clearRequests();
        fewPolls();
        List<RecordedRequest> later = listRequests("/checkouts");
        assertFalse(later.isEmpty());
        for (RecordedRequest r : later) {
            assertTrue(r.query().contains("page=1&") || r.query().endsWith("page=1"), r.query());
            assertTrue(r.query().contains("from_time="), "the mark is sent as from_time: " + r.query());
        }
    }

    @Test
    void maxMessagesPerPollEmitsOldestFirstAndLosesNothing() throws Exception {
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 10, t0.plusSeconds(1), t0.plusSeconds(10));
        List<Exchange> got = sink();
        startPolling("poll-max", fast("listCheckouts", "maxMessagesPerPoll=3&items=4&initialFromTime=" + t0), got);
        awaitExactly(got, 10);
        assertEquals(seeded, ids(got));
        List<Integer> sizes = new ArrayList<>();
        for (Exchange e : got) {
            if (e.getProperty(Exchange.BATCH_INDEX, Integer.class) == 0) {
                sizes.add(e.getProperty(Exchange.BATCH_SIZE, Integer.class));
            }
            assertTrue(e.getProperty(Exchange.BATCH_SIZE, Integer.class) <= 3);
        }
        assertEquals(List.of(3, 3, 3, 1), sizes, "four polls of at most 3");
    }

    @Test
    void fromTimeIsALowerBoundToo() throws Exception {
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 10, t0.plusSeconds(1), t0.plusSeconds(10));
        List<Exchange> got = sink();
        startPolling(
                "poll-from", fast("listCheckouts", "initialFromTime=" + t0 + "&fromTime=" + t0.plusSeconds(5)), got);
        awaitExactly(got, 6);
        assertEquals(seeded.subList(4, 10), ids(got));
    }

    @Test
    void restartWithFileStateRepositoryEmitsNothingTwice() throws Exception {
        File store = tmp.resolve("recurrente-state.dat").toFile();
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 30, t0.plusSeconds(1), t0.plusSeconds(30));
        String uri = fast("listCheckouts", "items=7&stateRepository=#state&initialFromTime=" + t0);

        List<Exchange> first = sink();
        CamelContext one = newContext();
        one.getRegistry().bind("state", FileStateRepository.fileStateRepository(store));
        addRoute(one, "checkout-sync", uri, first);
        one.start();
        awaitExactly(first, 30);
        assertEquals(seeded, ids(first));
        one.stop();
        String saved = Files.readString(store.toPath());
        assertTrue(saved.contains("recurrente.checkout-sync="), "keyed by the route id: " + saved);
        assertFalse(saved.contains(SK), "no secret in the state file");

        // while stopped: two new checkouts
        String x = sandbox.createCheckout(1000, "GTQ");
        String y = sandbox.createCheckout(1000, "GTQ");

        List<Exchange> second = sink();
        CamelContext two = newContext();
        two.getRegistry().bind("state", FileStateRepository.fileStateRepository(store));
        addRoute(two, "checkout-sync", uri, second);
        two.start();
        awaitExactly(second, 2);
        assertEquals(List.of(x, y), ids(second), "only what was created while the route was down");
    }

    @Test
    void initialPositionIsStoredSoARestartDoesNotSkipOrRepeat() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        state.start(); // started by us: the consumer leaves it alone (it stops only a repository it started)
        Instant now = Instant.now();
        sandbox.seedCheckouts(SK, 2, now.minusSeconds(20), now.minusSeconds(10));
        CamelContext one = newContext();
        one.getRegistry().bind("state", state);
        List<Exchange> first = sink();
        addRoute(one, "r", fast("listCheckouts", "stateRepository=#state"), first);
        one.start();
        fewPolls();
        one.stop();
        assertEquals(0, first.size());
        assertNotNull(state.getState("recurrente.r"), "the starting point (now) is stored at once");

        String created = sandbox.createCheckout(500, "GTQ"); // while down, after the first start
        CamelContext two = newContext();
        two.getRegistry().bind("state", state);
        List<Exchange> second = sink();
        addRoute(two, "r", fast("listCheckouts", "stateRepository=#state"), second);
        two.start();
        awaitExactly(second, 1);
        assertEquals(created, ids(second).get(0));
    }

    @Test
    void statusChangeModeEmitsTheChangeOnce() throws Exception {
        List<Exchange> got = sink();
        startPolling("poll-changes", fast("listCheckouts", "emitStatusChanges=true"), got);
        fewPolls();
        String a = sandbox.createCheckout(1000, "GTQ");
        String b = sandbox.createCheckout(2000, "GTQ");
        awaitExactly(got, 2);

        sandbox.payCheckout(a);
        awaitExactly(got, 3);
        Exchange change = got.get(2);
        assertEquals(a, change.getMessage().getHeader("CamelRecurrenteId"));
        assertEquals("paid", change.getMessage().getBody(Checkout.class).getStatus());
        assertEquals("unpaid", change.getMessage().getHeader(RecurrentePollingConsumer.PREVIOUS_STATUS));
        assertEquals(
                RecurrentePollingConsumer.EVENT_STATUS_CHANGE,
                change.getMessage().getHeader(RecurrentePollingConsumer.POLL_EVENT));

        sandbox.startBankTransfer(b); // unpaid -> payment_in_progress
        awaitExactly(got, 4);
        assertEquals(b, ids(got).get(3));
        assertEquals(
                "payment_in_progress",
                got.get(3).getMessage().getBody(Checkout.class).getStatus());
    }

    @Test
    void statusFilterEmitsACheckoutWhenItBecomesPaid() throws Exception {
        List<Exchange> got = sink();
        startPolling("poll-paid", fast("listCheckouts", "status=paid"), got);
        fewPolls();
        String a = sandbox.createCheckout(1000, "GTQ");
        sandbox.createCheckout(2000, "GTQ");
        fewPolls();
        assertEquals(0, got.size(), "unpaid checkouts are not emitted with status=paid");

        sandbox.payCheckout(a);
        awaitExactly(got, 1);
        assertEquals(a, ids(got).get(0));
        assertEquals("paid", got.get(0).getMessage().getBody(Checkout.class).getStatus());

        String c = sandbox.createCheckout(3000, "GTQ");
        sandbox.payCheckout(c); // paid before the next poll sees it: a new item that already matches
        awaitExactly(got, 2);
        assertEquals(c, ids(got).get(1));
    }

    @Test
    void rememberedStatusesAreBoundedToTheNewestItems() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        state.start();
        Instant t0 = hourAgo();
        int n = RecurrentePollingConsumer.STATUS_WINDOW + 300; // 13 pages of 100
        List<String> seeded = sandbox.seedCheckouts(SK, n, t0.plusSeconds(1), t0.plusSeconds(n));
        CamelContext ctx = newContext();
        ctx.getRegistry().bind("state", state);
        List<Exchange> got = sink();
        addRoute(
                ctx,
                "window",
                fast("listCheckouts", "emitStatusChanges=true&stateRepository=#state&initialFromTime=" + t0),
                got);
        ctx.start();
        awaitExactly(got, n);
        await(
                "the watch to shrink to the window",
                Duration.ofSeconds(10),
                () -> PollPosition.fromJson(state.getState("recurrente.window"))
                                .watch()
                                .size()
                        == RecurrentePollingConsumer.STATUS_WINDOW);
        PollPosition stored = PollPosition.fromJson(state.getState("recurrente.window"));
        assertFalse(stored.watch().containsKey(seeded.get(0)), "the oldest are forgotten");
        assertTrue(stored.watch().containsKey(seeded.get(n - 1)));

        sandbox.clearRequests();
        int deepest = oneWholePoll("/checkouts").stream()
                .mapToInt(PollingTestSupport::pageOf)
                .max()
                .orElse(0);
        assertEquals(11, deepest, "later polls read 1000 items back (11 pages of 100), not the 13 pages");

        sandbox.payCheckout(seeded.get(0)); // beyond the window: not seen by the poller
        sandbox.payCheckout(seeded.get(n - 1));
        awaitExactly(got, n + 1);
        assertEquals(seeded.get(n - 1), ids(got).get(n));
        assertEquals("paid", got.get(n).getMessage().getBody(Checkout.class).getStatus());
        stored = PollPosition.fromJson(state.getState("recurrente.window"));
        assertFalse(stored.watch().containsKey(seeded.get(n - 1)), "paid is final: no longer watched");
    }

    @Test
    void failedExchangeIsPolledAgainAndNothingAfterItIsSkipped() throws Exception {
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 5, t0.plusSeconds(1), t0.plusSeconds(5));
        String poison = seeded.get(2);
        AtomicInteger failures = new AtomicInteger();
        List<Exchange> got = sink();
        CamelContext ctx = newContext();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fast("listCheckouts", "initialFromTime=" + t0))
                        .routeId("poll-fail")
                        .process(e -> {
                            if (poison.equals(e.getMessage().getHeader("CamelRecurrenteId"))
                                    && failures.incrementAndGet() <= 2) {
                                throw new IllegalStateException("downstream system down");
                            }
                        })
                        .process(got::add);
            }
        });
        ctx.start();
        awaitExactly(got, 5);
        assertEquals(seeded, ids(got), "each item once, in order, the failed one retried");
        assertEquals(3, failures.get(), "failed twice, then succeeded");
    }

    @Test
    void handledFailureIsAcknowledged() throws Exception {
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 3, t0.plusSeconds(1), t0.plusSeconds(3));
        List<Exchange> dead = sink();
        AtomicInteger attempts = new AtomicInteger();
        CamelContext ctx = newContext();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead"));
                from("direct:dead").process(dead::add);
                from(fast("listCheckouts", "initialFromTime=" + t0))
                        .routeId("poll-dlc")
                        .process(e -> {
                            attempts.incrementAndGet();
                            throw new IllegalStateException("always fails");
                        });
            }
        });
        ctx.start();
        awaitExactly(dead, 3);
        assertEquals(seeded, ids(dead));
        assertEquals(3, attempts.get(), "a dead-lettered item is handled: not polled again");
    }

    @Test
    void apiErrorsBackOffAndRecover() throws Exception {
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 3, t0.plusSeconds(1), t0.plusSeconds(3));
        sandbox.addFault(Fault.status(500).onPath("/api/checkouts").times(2));
        sandbox.addFault(Fault.status(503).onPath("/api/checkouts").times(1));
        sandbox.addFault(Fault.rateLimited(1).onPath("/api/checkouts").times(1));
        List<Exchange> got = sink();
        long start = System.nanoTime();
        CamelContext ctx = startPolling(
                "poll-errors",
                fast(
                        "listCheckouts",
                        "serverErrorRetries=0&rateLimitRetries=0&backoffErrorThreshold=1&backoffMultiplier=3"
                                + "&initialFromTime=" + t0),
                got);
        awaitExactly(got, 3);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(seeded, ids(got), "nothing lost, nothing twice after the errors");
        List<RecordedRequest> requests = listRequests("/checkouts");
        assertEquals(
                List.of(500, 500, 503, 429),
                requests.subList(0, 4).stream().map(RecordedRequest::status).toList());
        assertEquals(200, requests.get(4).status());
        // each error makes the consumer skip 2 polls (backoffMultiplier=3): 4 errors x 3 x 100 ms at least
        assertTrue(elapsedMs >= 1100, "backed off after errors, took only " + elapsedMs + " ms");

        RecurrentePollingConsumer consumer =
                (RecurrentePollingConsumer) ctx.getRoute("poll-errors").getConsumer();
        assertTrue(consumer.isConsumerReady());
        assertEquals(0, consumer.getErrorCounter(), "recovered");
    }

    @Test
    void pollsProductsAndCoupons() throws Exception {
        List<Exchange> products = sink();
        List<Exchange> coupons = sink();
        CamelContext ctx = newContext();
        addRoute(ctx, "poll-products", fast("listProducts", null), products);
        addRoute(ctx, "poll-coupons", fast("listCoupons", null), coupons);
        ctx.start();
        fewPolls();
        ProducerTemplate template = ctx.createProducerTemplate();
        Product p1 = template.requestBody("recurrente:createProduct", product("Plan básico"), Product.class);
        Product p2 = template.requestBody("recurrente:createProduct", product("Plan plus"), Product.class);
        Coupon c1 = template.requestBody(
                "recurrente:createCoupon",
                new CouponRequest()
                        .name("VERANO25")
                        .amountOffInCents(1500L)
                        .currency("GTQ")
                        .duration("once"),
                Coupon.class);
        awaitExactly(products, 2);
        awaitExactly(coupons, 1);
        assertEquals(List.of(p1.getId(), p2.getId()), ids(products));
        assertInstanceOf(Product.class, products.get(0).getMessage().getBody());
        assertEquals(c1.getId(), ids(coupons).get(0));
        assertInstanceOf(Coupon.class, coupons.get(0).getMessage().getBody());
    }

    @Test
    void pollsSubscriptionsWithStatusChangesAndIntents() throws Exception {
        List<Exchange> subscriptions = sink();
        List<Exchange> intents = sink();
        CamelContext ctx = newContext();
        addRoute(ctx, "poll-subscriptions", fast("listSubscriptions", "emitStatusChanges=true"), subscriptions);
        addRoute(ctx, "poll-intents", fast("listIntents", null), intents);
        ctx.start();
        fewPolls();
        Map<String, Object> item = Map.of(
                "name",
                "Membresía",
                "amount_in_cents",
                25000,
                "currency",
                "GTQ",
                "charge_type",
                "recurring",
                "billing_interval",
                "month",
                "billing_interval_count",
                1);
        Checkout checkout = ctx.createProducerTemplate()
                .requestBody("recurrente:createCheckout", Map.of("items", List.of(item)), Checkout.class);
        sandbox.payCheckout(checkout.getId());
        String subscriptionId = (String) sandbox.checkout(checkout.getId()).get("subscription_id");
        assertNotNull(subscriptionId);

        awaitExactly(subscriptions, 1);
        Subscription created = assertInstanceOf(
                Subscription.class, subscriptions.get(0).getMessage().getBody());
        assertEquals(subscriptionId, created.getId());
        assertEquals("active", created.getStatus());
        await("an intent", Duration.ofSeconds(10), () -> !intents.isEmpty());
        assertInstanceOf(Intent.class, intents.get(0).getMessage().getBody());

        sandbox.cancelSubscription(subscriptionId);
        awaitExactly(subscriptions, 2);
        Subscription cancelled = subscriptions.get(1).getMessage().getBody(Subscription.class);
        assertEquals(subscriptionId, cancelled.getId());
        assertEquals("active", subscriptions.get(1).getMessage().getHeader(RecurrentePollingConsumer.PREVIOUS_STATUS));
        assertTrue(List.of("cancelled", "canceled").contains(cancelled.getStatus()), cancelled.getStatus());
        Set<String> intentIds = new HashSet<>(ids(intents));
        assertEquals(intents.size(), intentIds.size(), "each intent once");
    }

    @Test
    void rejectsBadOptionsAtStartWithoutShowingTheKey() throws Exception {
        CamelContext ctx = newContext();
        addRoute(ctx, "bad-time", "recurrente:listCheckouts?initialFromTime=yesterday", sink());
        Exception e = assertThrows(Exception.class, ctx::start);
        assertTrue(rootMessage(e).contains("initialFromTime"), rootMessage(e));

        CamelContext ctx2 = newContext();
        addRoute(ctx2, "bad-op", "recurrente:listCustomers?emitStatusChanges=true", sink());
        Exception e2 = assertThrows(Exception.class, ctx2::start);
        assertTrue(rootMessage(e2).contains("no status"), rootMessage(e2));
        assertFalse(rootMessage(e2).contains(SK));
    }

    @Test
    void stateAndToStringHoldNoSecret() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        CamelContext ctx = newContext();
        ctx.getRegistry().bind("state", state);
        List<Exchange> got = sink();
        addRoute(ctx, "no-secrets", fast("listCheckouts", "stateRepository=#state&emitStatusChanges=true"), got);
        ctx.start();
        sandbox.createCheckout(1000, "GTQ");
        awaitExactly(got, 1);
        RecurrentePollingConsumer consumer =
                (RecurrentePollingConsumer) ctx.getRoute("no-secrets").getConsumer();
        assertFalse(consumer.toString().contains(SK));
        assertFalse(consumer.getEndpoint().toString().contains(SK));
        String stored = state.getState("recurrente.no-secrets");
        assertNotNull(stored);
        assertFalse(stored.contains(SK));
        assertTrue(stored.contains(ids(got).get(0)), "the unpaid checkout is watched: " + stored);
        assertNull(state.getState("recurrente.listCheckouts"));
    }

    // ---------------------------------------------------------------- helpers

    private static ProductRequest product(String name) {
        return new ProductRequest()
                .name(name)
                .pricesAttributes(List.of(
                        new PriceRequest().amountInCents(10000L).currency("GTQ").chargeType("one_time")));
    }

    private static void addRoute(CamelContext ctx, String id, String uri, List<Exchange> sink) throws Exception {
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).process(sink::add);
            }
        });
    }

    private static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        while (t != null && seen.add(t)) {
            sb.append(t.getMessage()).append(" | ");
            t = t.getCause();
        }
        return sb.toString();
    }
}
