package io.github.camelrecurrente.component;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List operations: one page with the pagination headers, filters, and the lazy all-pages iterator.
 */
class ProducerPagingTest extends SandboxTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all")
                        .to("recurrente:listCheckouts?allPages=true&items=20")
                        .split(body())
                        .streaming()
                        .to("mock:each");
            }
        };
    }

    private long listCalls() {
        return sandbox.requests().stream()
                .filter(r -> r.path().equals("/api/checkouts"))
                .count();
    }

    @Test
    void onePageWithHeaders() {
        sandbox.seedCheckouts(25);
        Exchange ex = call("recurrente:listCheckouts?items=10&page=2", null, Map.of());
        List<?> page = ex.getMessage().getBody(List.class);
        assertEquals(10, page.size());
        assertInstanceOf(Checkout.class, page.get(0));
        assertEquals(2, ex.getMessage().getHeader(RecurrenteConstants.CURRENT_PAGE));
        assertEquals(3, ex.getMessage().getHeader(RecurrenteConstants.TOTAL_PAGES));
        assertEquals(25L, ex.getMessage().getHeader(RecurrenteConstants.TOTAL_COUNT));
        assertEquals(10, ex.getMessage().getHeader(RecurrenteConstants.PAGE_ITEMS));
        assertEquals(3, ex.getMessage().getHeader(RecurrenteConstants.NEXT_PAGE));
        assertTrue(ex.getMessage()
                .getHeader(RecurrenteConstants.LINK, String.class)
                .contains("rel=\"next\""));
        RecordedRequest r = lastApiRequest();
        assertTrue(r.query().contains("page=2") && r.query().contains("items=10"), r.query());

        Exchange last = call(
                "recurrente:listCheckouts", null, Map.of(RecurrenteConstants.PAGE, 3, RecurrenteConstants.ITEMS, 10));
        assertEquals(5, last.getMessage().getBody(List.class).size());
        assertNull(last.getMessage().getHeader(RecurrenteConstants.NEXT_PAGE), "no next page after the last");
    }

    @Test
    void newestFirstAndTimeFilters() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2026-01-10T00:00:00Z");
        sandbox.seedCheckouts(10, from, until);
        List<?> all = call("recurrente:listCheckouts?items=100", null, Map.of())
                .getMessage()
                .getBody(List.class);
        assertEquals(10, all.size());
        Checkout first = (Checkout) all.get(0);
        Checkout second = (Checkout) all.get(1);
        assertTrue(first.getCreatedAt().isAfter(second.getCreatedAt()), "newest first");

        List<?> filtered = call(
                        "recurrente:listCheckouts?items=100",
                        null,
                        Map.of(
                                RecurrenteConstants.FROM_TIME,
                                "2026-01-05T00:00:00Z",
                                RecurrenteConstants.UNTIL_TIME,
                                "2026-01-10T00:00:00Z"))
                .getMessage()
                .getBody(List.class);
        assertTrue(filtered.size() > 0 && filtered.size() < 10, "filtered to " + filtered.size());
        for (Object o : filtered) {
            assertFalse(((Checkout) o).getCreatedAt().toInstant().isBefore(Instant.parse("2026-01-05T00:00:00Z")));
        }
        String query = lastApiRequest().query();
        assertTrue(query.contains("from_time=2026-01-05T00%3A00%3A00Z"), query);
        assertTrue(query.contains("until_time="), query);
    }

    @Test
    void allPagesIsLazy() {
        sandbox.seedCheckouts(45);
        sandbox.clearRequests();
        Exchange ex = call("recurrente:listCheckouts?allPages=true&items=10", null, Map.of());
        Iterator<?> it = assertInstanceOf(Iterator.class, ex.getMessage().getBody());
        assertEquals(45L, ex.getMessage().getHeader(RecurrenteConstants.TOTAL_COUNT));
        assertEquals(1, listCalls(), "only the first page is fetched up front");
        for (int i = 0; i < 10; i++) {
            it.next();
        }
        assertEquals(1, listCalls(), "the second page is not fetched before it is needed");
        it.next();
        assertEquals(2, listCalls());
        int rest = 11;
        while (it.hasNext()) {
            it.next();
            rest++;
        }
        assertEquals(45, rest);
        assertEquals(5, listCalls());
    }

    @Test
    void splitStreamingOverAllPages() throws Exception {
        sandbox.seedCheckouts(130);
        MockEndpoint each = getMockEndpoint("mock:each");
        each.expectedMessageCount(130);
        each.allMessages().body().isInstanceOf(Checkout.class);
        template.sendBody("direct:all", null);
        each.assertIsSatisfied();
        assertEquals(7, listCalls(), "130 items in pages of 20");
    }
}
