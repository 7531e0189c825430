package io.github.camelrecurrente.sandbox;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaginationTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.create();

    @Test
    void defaultPageIsTenNewestFirstWithHeaders() {
        List<String> ids = ext.sandbox().seedCheckouts(25);
        TestHttp http = new TestHttp(ext.sandbox());
        TestHttp.Resp r = http.get("/api/checkouts");
        assertEquals(200, r.status());
        JsonNode arr = r.json();
        assertEquals(10, arr.size());
        assertEquals(ids.get(24), arr.get(0).get("id").asText());
        assertEquals(ids.get(15), arr.get(9).get("id").asText());
        assertEquals("1", r.header("Current-Page"));
        assertEquals("10", r.header("Page-Items"));
        assertEquals("3", r.header("Total-Pages"));
        assertEquals("25", r.header("Total-Count"));
        String base = ext.sandbox().baseUrl() + "/checkouts?";
        String link = r.header("Link");
        assertTrue(link.contains("<" + base + "page=1&items=10>; rel=\"first\""), link);
        assertTrue(link.contains("<" + base + "page=2&items=10>; rel=\"next\""), link);
        assertTrue(link.contains("<" + base + "page=3&items=10>; rel=\"last\""), link);
        assertFalse(link.contains("rel=\"prev\""), link);

        TestHttp.Resp p2 = http.get("/api/checkouts?page=2&items=10");
        assertEquals(ids.get(14), p2.json().get(0).get("id").asText());
        assertTrue(p2.header("Link").contains("page=1&items=10>; rel=\"prev\""));
        TestHttp.Resp p3 = http.get("/api/checkouts?page=3");
        assertEquals(5, p3.json().size());
        assertEquals(ids.get(0), p3.json().get(4).get("id").asText());
        assertFalse(p3.header("Link").contains("rel=\"next\""));
    }

    @Test
    void pageBeyondTheEndIsEmpty() {
        ext.sandbox().seedCheckouts(5);
        TestHttp.Resp r = new TestHttp(ext.sandbox()).get("/api/checkouts?page=9");
        assertEquals(200, r.status());
        assertEquals(0, r.json().size());
        assertEquals("9", r.header("Current-Page"));
        assertEquals("1", r.header("Total-Pages"));
        assertEquals("5", r.header("Total-Count"));
    }

    @Test
    void itemsIsCappedAtOneHundredAndFiltersStayInLinks() {
        ext.sandbox().seedCheckouts(150, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));
        TestHttp.Resp r = new TestHttp(ext.sandbox()).get("/api/checkouts?items=500&from_time=2024-01-01T00:00:00Z");
        assertEquals(100, r.json().size());
        assertEquals("100", r.header("Page-Items"));
        assertEquals("2", r.header("Total-Pages"));
        assertTrue(
                r.header("Link").contains("from_time=2024-01-01T00%3A00%3A00Z&page=2&items=100>; rel=\"next\""),
                r.header("Link"));
    }

    @Test
    void everyListEndpointPaginates() {
        TestHttp http = new TestHttp(ext.sandbox());
        for (int i = 0; i < 3; i++) {
            http.post(
                    "/api/products",
                    "{\"product\":{\"name\":\"P" + i
                            + "\",\"prices_attributes\":[{\"amount_in_cents\":1000,\"currency\":\"GTQ\"}]}}");
            http.post("/api/coupons", "{\"coupon\":{\"name\":\"C" + i + "\",\"percent_off\":10}}");
            http.post("/api/webhook_endpoints", "{\"url\":\"http://127.0.0.1:9/h" + i + "\"}");
            http.post("/api/customers", "{\"email\":\"c" + i + "@example.com\"}");
        }
        for (String path : new String[] {"/api/products", "/api/coupons", "/api/customers", "/api/subscriptions"}) {
            TestHttp.Resp r = http.get(path + "?items=2");
            assertEquals(200, r.status(), path);
            assertTrue(r.header("Link").contains("rel=\"first\""), path);
            boolean empty = path.endsWith("subscriptions");
            assertEquals(empty ? "0" : "3", r.header("Total-Count"), path);
            assertEquals(empty ? "1" : "2", r.header("Total-Pages"), path);
        }
        // no paging is documented for webhook endpoints and intents: one bare array, page and items ignored
        TestHttp.Resp endpoints = http.get("/api/webhook_endpoints?items=2&page=2");
        assertEquals(3, endpoints.json().size(), endpoints.body());
        assertNull(endpoints.header("Link"));
        assertNull(endpoints.header("Total-Pages"));
        assertNull(http.get("/api/intents?items=2").header("Current-Page"));
        ext.sandbox().setExtendedFields(true);
        try {
            TestHttp.Resp paged = http.get("/api/webhook_endpoints?items=2&page=2");
            assertEquals(1, paged.json().size(), paged.body());
            assertEquals("2", paged.header("Total-Pages"));
            assertEquals("0", http.get("/api/intents?items=2").header("Total-Count"));
        } finally {
            ext.sandbox().setExtendedFields(false);
        }
        JsonNode products = http.get("/api/products").json();
        assertEquals("P2", products.get(0).get("name").asText());
    }

    @Test
    void seedingOneHundredThousandIsCheapAndPagesQuickly() {
        long t0 = System.nanoTime();
        List<String> ids = ext.sandbox()
                .seedCheckouts(100_000, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"));
        long seedMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(100_000, ids.size());
        assertTrue(seedMs < 5_000, "seeding took " + seedMs + " ms");
        TestHttp http = new TestHttp(ext.sandbox());
        TestHttp.Resp last = http.get("/api/checkouts?page=1000&items=100");
        assertEquals(100, last.json().size());
        assertEquals(ids.get(0), last.json().get(99).get("id").asText());
        assertEquals("100000", last.header("Total-Count"));
        assertEquals(
                "2024-01-01T00:00:00.000Z",
                http.get("/api/checkouts?items=1")
                        .json()
                        .get(0)
                        .get("created_at")
                        .asText());
    }
}
