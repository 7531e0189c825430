package io.github.camelrecurrente.component.polling;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.support.DocumentedListServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.component.polling.PollingTestSupport.await;
import static io.github.camelrecurrente.component.polling.PollingTestSupport.fewPolls;
import static io.github.camelrecurrente.component.polling.PollingTestSupport.sink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list that answers everything at once (the documentation shows {@code GET /intents} and
 * {@code GET /webhook_endpoints} as one array, without paging) does not become an error once it holds a full page:
 * with 150 intents the full-page rule asks for page 2, gets page 1 again, and the list ends there, every item read
 * once, with one WARN line per endpoint. A real loopback server answers the 150 intents whatever {@code page} and
 * {@code items} say; both the {@code allPages=true} producer and the polling consumer are covered.
 */
class UnpagedListTest {

    private static final String SK = "sk_test_unpaged_SECRET_150";
    private static final int INTENTS = 150;
    private static final String WARN = "this list is not paged";

    private DocumentedListServer api;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        api = new DocumentedListServer();
        api.unpaged(true);
        for (int i = 0; i < INTENTS; i++) {
            api.addItem(
                    "intents",
                    "{\"type\":\"payment\",\"id\":\"in_" + (1000 + i) + "\",\"status\":\"succeeded\","
                            + "\"raw_status\":\"succeeded\",\"amount_in_cents\":" + (500 + i)
                            + ",\"currency\":\"GTQ\"}");
        }
    }

    @AfterEach
    void stopAll() {
        contexts.forEach(CamelContext::stop);
        api.close();
    }

    @Test
    void allPagesReadsTheUnpagedListOnceAndEndsWithOneWarning() throws Exception {
        CamelContext ctx = newContext();
        ctx.start();
        List<String> ids = new ArrayList<>();
        String log = capturingStdErr(() -> {
            Iterator<?> it = iterator(ctx);
            it.forEachRemaining(i -> ids.add(assertInstanceOf(Intent.class, i).getId()));
            // the same endpoint again: the list ends the same way, and the WARN is not repeated
            iterator(ctx).forEachRemaining(i -> {});
            return null;
        });
        assertEquals(INTENTS, ids.size(), "every intent, once");
        assertEquals(INTENTS, new HashSet<>(ids).size());
        assertEquals(4, api.requests(), "page 1 and the repeated page 2, twice");
        assertEquals("items=100", api.queries().get(0), "the first page: the largest page size, no page number");
        assertEquals("page=2&items=100", api.queries().get(1), "a full page asks for the next");
        assertEquals(1, occurrences(log, WARN), "one WARN line for the endpoint: " + log);
        assertTrue(
                log.contains("recurrente:listIntents answered page 2 with page 1 again: page 1 held all 150 items"),
                log);
    }

    @Test
    void thePollingConsumerEmitsEveryItemOnceAndKeepsPolling() throws Exception {
        List<Exchange> got = sink();
        CamelContext ctx = newContext();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("recurrente:listIntents?initialDelay=0&delay=100&emitExistingItems=true")
                        .routeId("intents")
                        .process(got::add);
            }
        });
        String log = capturingStdErr(() -> {
            ctx.start();
            RecurrentePollingConsumer consumer =
                    (RecurrentePollingConsumer) ctx.getRoute("intents").getConsumer();
            await("150 intents", Duration.ofSeconds(15), () -> got.size() >= INTENTS);
            int before = api.requests();
            await("two more polls", Duration.ofSeconds(15), () -> api.requests() >= before + 4);
            fewPolls();
            assertEquals(0, consumer.getErrorCounter(), "no poll failed");
            return null;
        });
        Set<String> ids = new HashSet<>();
        got.forEach(e -> ids.add(e.getIn().getBody(Intent.class).getId()));
        assertEquals(INTENTS, got.size(), "each intent emitted once");
        assertEquals(INTENTS, ids.size());
        assertEquals(1, occurrences(log, WARN), "one WARN line for the endpoint over several polls: " + log);
    }

    private Iterator<?> iterator(CamelContext ctx) {
        Exchange ex = ctx.createProducerTemplate().request("recurrente:listIntents?allPages=true", e -> {});
        if (ex.getException() != null) {
            throw new AssertionError(ex.getException());
        }
        return assertInstanceOf(Iterator.class, ex.getMessage().getBody());
    }

    private CamelContext newContext() {
        DefaultCamelContext ctx = new DefaultCamelContext();
        RecurrenteComponent component = new RecurrenteComponent(ctx);
        RecurrenteConfiguration cfg = component.getConfiguration();
        cfg.setBaseUrl(api.baseUrl());
        cfg.setSecretKey(SK);
        cfg.setRetryDelay(10);
        cfg.setServerErrorRetries(0);
        ctx.addComponent("recurrente", component);
        ctx.getShutdownStrategy().setTimeout(5);
        contexts.add(ctx);
        return ctx;
    }

    private static String capturingStdErr(Callable<Void> body) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            body.call();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
