package io.github.camelrecurrente.component.client;

import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules that exist once in the client: list queries ({@link ListRequest}), retry safety and path encoding
 * ({@link ApiOperation}). Every caller (producer, polling, webhook registration, refetch) goes through them.
 */
class ListRequestAndSpecTest {

    private static final ApiOperation CHECKOUTS = RecurrenteOperation.listCheckouts.spec();
    private static final ApiOperation INTENTS = RecurrenteOperation.listIntents.spec();

    @Test
    void firstPageWithoutNamedPageOrSizeSendsOnlyFilters() {
        ListRequest list = new ListRequest(
                CHECKOUTS, ListRequest.filters(CHECKOUTS, "2026-01-01T00:00:00Z", " ", "us_1"), null, null, false);
        assertEquals(List.of("from_time", "user_id"), List.copyOf(list.query(1).keySet()));
        assertEquals("2", list.query(2).get("page"), "later pages are named");
        assertFalse(list.query(2).containsKey("items"), "the API's default size is not sent");
        assertEquals(10, list.size());
    }

    @Test
    void namedPageAndSizeAreSentInOrderAfterTheFilters() {
        ListRequest list = new ListRequest(CHECKOUTS, ListRequest.filters(CHECKOUTS, "a", "b", "c"), 1, 25, false);
        assertEquals(
                List.of("from_time", "until_time", "user_id", "page", "items"),
                List.copyOf(list.query(1).keySet()));
        assertEquals(
                Map.of("from_time", "a", "until_time", "b", "user_id", "c", "page", "1", "items", "25"), list.query(1));
    }

    @Test
    void allPagesAsksForTheLargestPage() {
        ListRequest list = new ListRequest(CHECKOUTS, null, null, null, true);
        assertEquals(Map.of("items", "100"), list.query(1));
        assertEquals(100, list.size());
    }

    @Test
    void filtersAreOnlyThoseTheOperationAccepts() {
        assertEquals(Map.of("from_time", "a", "until_time", "b"), ListRequest.filters(INTENTS, "a", "b", "us_1"));
        ApiOperation products = RecurrenteOperation.listProducts.spec();
        assertEquals(Map.of(), ListRequest.filters(products, "a", "b", "c"));
    }

    @Test
    void itemsAndPageOutOfRangeAreNamed() {
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> new ListRequest(CHECKOUTS, null, null, 101, false));
        assertEquals("items", e.getField());
        assertEquals("must be between 1 and 100, was 101", e.getRule());
        assertEquals("listCheckouts", e.getOperation());
        InvalidRequestException p =
                assertThrows(InvalidRequestException.class, () -> new ListRequest(CHECKOUTS, null, 0, null, false));
        assertEquals("page", p.getField());
        assertEquals(null, ListRequest.itemsRule(100));
        assertEquals("must be between 1 and 100, was 0", ListRequest.itemsRule(0));
    }

    @Test
    void retrySafetyIsOneRule() throws Exception {
        assertTrue(RecurrenteOperation.getCheckout.spec().isRetrySafe(null));
        assertTrue(RecurrenteOperation.updateCheckout.spec().isRetrySafe(null));
        assertTrue(RecurrenteOperation.deleteProduct.spec().isRetrySafe(null));
        assertFalse(RecurrenteOperation.createCheckout.spec().isRetrySafe(null));
        ApiOperation command = RecurrenteOperation.createTerminalSessionCommand.spec();
        assertFalse(command.isRetrySafe(null));
        assertFalse(command.isRetrySafe(RecurrenteJson.mapper().readTree("{\"command\":\"x\"}")));
        assertFalse(command.isRetrySafe(RecurrenteJson.mapper().readTree("{\"external_id\":null}")));
        assertTrue(command.isRetrySafe(RecurrenteJson.mapper().readTree("{\"external_id\":\"pos-1\"}")));
    }

    @Test
    void pathIdsAreEncodedOnce() {
        assertEquals(
                "/checkouts/ch_1%20a%2Fb",
                RecurrenteOperation.getCheckout.spec().path(" ch_1 a/b "));
        assertEquals("a%20b%26c%3Dd", ApiOperation.encode("a b&c=d"));
        assertThrows(
                IllegalArgumentException.class,
                () -> RecurrenteOperation.getCheckout.spec().path(" "));
        assertEquals("/checkouts", CHECKOUTS.path(null));
    }

    @Test
    void requestBodiesAreWrappedUnderTheRootOnce() {
        ApiOperation createProduct = RecurrenteOperation.createProduct.spec();
        RequestBody body = RequestBody.of(createProduct, Map.of("name", "x"));
        assertEquals("{\"product\":{\"name\":\"x\"}}", new String(body.bytes()));
        RequestBody already = RequestBody.of(createProduct, Map.of("product", Map.of("name", "x")));
        assertEquals("{\"product\":{\"name\":\"x\"}}", new String(already.bytes()));
        assertEquals(RequestBody.NONE, RequestBody.of(RecurrenteOperation.getProduct.spec(), Map.of("a", 1)));
        assertEquals(RequestBody.NONE, RequestBody.ofTree(createProduct, null));
    }
}
