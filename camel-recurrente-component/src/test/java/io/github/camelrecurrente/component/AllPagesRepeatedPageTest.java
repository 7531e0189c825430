package io.github.camelrecurrente.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.support.DocumentedListServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code allPages=true} against a tiny loopback API that ignores {@code page} and sends no paging headers: it answers
 * every page with the same full first page. The iterator ends at the repeated first item, without reading it again,
 * and warns that later items were not read (instead of looping forever or failing); against the same server
 * honouring {@code page}, every item comes once.
 */
class AllPagesRepeatedPageTest {

    private DocumentedListServer api;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        api = new DocumentedListServer();
        for (int i = 0; i < 6; i++) {
            api.addProduct("Producto " + i);
        }
        context = new DefaultCamelContext();
        RecurrenteComponent component = new RecurrenteComponent(context);
        component.getConfiguration().setBaseUrl(api.baseUrl());
        component.getConfiguration().setSecretKey("sk_test_pages");
        context.addComponent("recurrente", component);
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        api.close();
    }

    @Test
    void aRepeatedFirstItemEndsTheIterationWithAWarning() {
        api.ignorePage(true);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<Object> seen = new ArrayList<>();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            iterator().forEachRemaining(seen::add);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(3, seen.size(), "the first page, once");
        assertEquals(2, api.requests(), "stopped at the first repeated page");
        assertTrue(
                log.contains("recurrente:listProducts answered page 2 with page 1 again")
                        && log.contains("items after the first 3 were not read"),
                log);
    }

    @Test
    void anApiThatHonoursPageIsReadToTheEnd() {
        Iterator<?> it = iterator();
        List<String> ids = new ArrayList<>();
        it.forEachRemaining(p -> ids.add(assertInstanceOf(Product.class, p).getId()));
        assertEquals(6, ids.size());
        assertEquals(6, ids.stream().distinct().count());
    }

    private Iterator<?> iterator() {
        ProducerTemplate template = context.createProducerTemplate();
        Exchange ex = template.request("recurrente:listProducts?allPages=true&items=3", e -> {});
        if (ex.getException() != null) {
            throw new AssertionError(ex.getException());
        }
        return assertInstanceOf(Iterator.class, ex.getMessage().getBody());
    }
}
