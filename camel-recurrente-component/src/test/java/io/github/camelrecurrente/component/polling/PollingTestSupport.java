package io.github.camelrecurrente.component.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One loopback sandbox per test class (reset before each test) and helpers to start CamelContexts whose
 * {@code recurrente} component points at it. Contexts are created by the tests (restarts, two nodes) and all stopped
 * after each test.
 */
abstract class PollingTestSupport {

    static final String PK = "pk_test_polling";
    static final String SK = "sk_test_polling_SECRET_4242";

    static RecurrenteSandbox sandbox;

    final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startSandbox() {
        sandbox = RecurrenteSandbox.builder()
                .port(0)
                .account("Tienda Polling", PK, SK)
                .build()
                .start();
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        sandbox.setExtendedFields(false);
    }

    @AfterEach
    void stopContexts() {
        for (CamelContext c : contexts) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                // best effort
            }
        }
        contexts.clear();
    }

    /** A not yet started context whose recurrente component talks to the sandbox, with fast retries. */
    CamelContext newContext() {
        DefaultCamelContext ctx = new DefaultCamelContext();
        RecurrenteComponent component = new RecurrenteComponent(ctx);
        RecurrenteConfiguration cfg = component.getConfiguration();
        cfg.setBaseUrl(sandbox.baseUrl());
        cfg.setPublicKey(PK);
        cfg.setSecretKey(SK);
        cfg.setRetryDelay(10);
        ctx.addComponent("recurrente", component);
        ctx.getShutdownStrategy().setTimeout(5);
        contexts.add(ctx);
        return ctx;
    }

    /** Starts a context with one route {@code from(uri)} that records every exchange into {@code sink}. */
    CamelContext startPolling(String routeId, String uri, List<Exchange> sink) throws Exception {
        CamelContext ctx = newContext();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(sink::add);
            }
        });
        ctx.start();
        return ctx;
    }

    static List<Exchange> sink() {
        return new CopyOnWriteArrayList<>();
    }

    /** Fast polling: first poll at once, then every 100 ms. */
    static String fast(String op, String params) {
        return "recurrente:" + op + "?initialDelay=0&delay=100"
                + (params == null || params.isEmpty() ? "" : "&" + params);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(20);
        }
        if (!condition.getAsBoolean()) {
            fail("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
        }
    }

    /** Waits for {@code n} exchanges, then a little longer to catch any extra (duplicate) one. */
    static void awaitExactly(List<Exchange> sink, int n) {
        await(n + " exchanges (got " + sink.size() + ")", Duration.ofSeconds(15), () -> sink.size() >= n);
        sleep(450); // several more polls at delay=100
        if (sink.size() != n) {
            fail("Expected exactly " + n + " exchanges but got " + sink.size() + ": " + ids(sink));
        }
    }

    /** Lets a few polls run (delay=100 ms). */
    static void fewPolls() {
        sleep(450);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(List<Exchange> sink) {
        List<String> out = new ArrayList<>();
        for (Exchange e : sink) {
            out.add(e.getMessage().getHeader("CamelRecurrenteId", String.class));
        }
        return out;
    }

    /** API list requests of one path recorded by the sandbox. */
    static List<RecordedRequest> listRequests(String path) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : sandbox.requests()) {
            if ("GET".equals(r.method()) && ("/api" + path).equals(r.path())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The list requests of one whole poll that started after the sandbox's requests were last cleared: from a request
     * for page 1 up to the next one. A poll still in flight when they were cleared is left out, however slow the
     * machine (a fixed sleep could end in the middle of a poll). Waits up to 15 s.
     */
    static List<RecordedRequest> oneWholePoll(String path) {
        List<List<RecordedRequest>> found = new ArrayList<>(1);
        await("a whole poll of " + path + " after the requests were cleared", Duration.ofSeconds(15), () -> {
            List<RecordedRequest> all = listRequests(path);
            int first = -1;
            for (int i = 0; i < all.size(); i++) {
                if (pageOf(all.get(i)) == 1) {
                    if (first >= 0) {
                        found.add(List.copyOf(all.subList(first, i)));
                        return true;
                    }
                    first = i;
                }
            }
            return false;
        });
        return found.get(0);
    }

    /** The {@code page} query parameter of a list request (taken as 1 when absent). */
    static int pageOf(RecordedRequest r) {
        String query = r.query() == null ? "" : r.query();
        for (String pair : query.split("&")) {
            if (pair.startsWith("page=")) {
                return Integer.parseInt(pair.substring("page=".length()));
            }
        }
        return 1;
    }

    /** An instant in the past, to the millisecond, that seeded items can be placed after. */
    static Instant hourAgo() {
        return Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
