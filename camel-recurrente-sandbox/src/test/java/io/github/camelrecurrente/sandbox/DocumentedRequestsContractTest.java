package io.github.camelrecurrente.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every documented request example of the repository's {@code contract/} folder (indexed in its README, a test
 * resource of this module) is posted, over plain HTTP, to a running sandbox, which must accept it (2xx); the
 * documented list query is answered with a list. The body is
 * sent as the documentation shows it; only ids of objects that must exist before the call (the product of a
 * "Product ID" checkout or one-time payment, the price of a product update, the coupon of a coupon update, the paid
 * payment intent of a refund, the saved card of a one-time payment) are replaced by ones created in the sandbox first, and a flat object is wrapped under the
 * request root the documentation uses ({@code product}, {@code coupon}, {@code payment_intent}).
 */
class DocumentedRequestsContractTest {

    private static final Map<String, String> REQUEST_ROOTS = Map.of(
            "createProduct",
            "product",
            "updateProduct",
            "product",
            "createCoupon",
            "coupon",
            "updateCoupon",
            "coupon",
            "updatePaymentIntent",
            "payment_intent");

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.of(
            RecurrenteSandbox.builder().account("Contract Store", "pk_test_contract", "sk_test_contract"));

    /** One row of the README's Requests table. */
    record Example(String file, String operation, String method, String path) {
        @Override
        public String toString() {
            return file + " (" + operation + ")";
        }
    }

    static Stream<Arguments> requests() {
        String readme = text("README.md");
        int start = readme.indexOf("## Requests");
        int end = readme.indexOf("\n## ", start + 1);
        List<Arguments> out = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String[] http = cells[3].trim().split(" ");
                out.add(Arguments.of(new Example(cells[1].trim().replace("`", ""), cells[2].trim(), http[0], http[1])));
            }
        }
        assertFalse(out.isEmpty());
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theSandboxAcceptsEveryDocumentedRequest(Example example) throws IOException {
        TestHttp http = new TestHttp(ext.sandbox());
        JsonNode body = TestHttp.MAPPER.readTree(bytes(example.file()));
        String path = example.path();
        String root = REQUEST_ROOTS.get(example.operation());
        ObjectNode inner = (ObjectNode) (root != null && body.has(root) ? body.get(root) : body);
        for (JsonNode item : inner.path("items")) {
            if (item.has("product_id")) { // a checkout or a one-time payment of a product created first
                ((ObjectNode) item).put("product_id", product(http).get("id").asText());
            }
        }
        switch (example.operation()) {
            case "updateCheckout" -> path = path.replace("{id}", http.checkout(3000, "GTQ"));
            case "updateProduct" -> {
                JsonNode product = product(http);
                path = path.replace("{id}", product.get("id").asText());
                for (JsonNode price : inner.path("prices_attributes")) {
                    if (price.has("id")) {
                        ((ObjectNode) price)
                                .put("id", product.at("/prices/0/id").asText());
                    }
                }
            }
            case "updateCoupon" -> path = path.replace("{id}", coupon(http));
            case "updatePaymentIntent" -> path = path.replace("{id}", paidPaymentIntent(http));
            case "createRefund" -> inner.put("payment_intent_id", paidPaymentIntent(http));
            case "createOneTimePayment" -> inner.put("payment_method_id", savedCard(http));
            default -> {
                // posted as documented
            }
        }
        JsonNode sent = root != null && !body.has(root)
                ? TestHttp.MAPPER.createObjectNode().set(root, inner)
                : body;
        TestHttp.Resp r = http.send(example.method(), "/api" + path, TestHttp.MAPPER.writeValueAsString(sent));
        assertTrue(
                r.status() >= 200 && r.status() < 300,
                example + " was answered " + r.status() + ": " + r.body() + "\nsent: " + sent);
    }

    /** The README's Queries table: the documented list query, sent as it is printed, is answered with a list. */
    static Stream<Arguments> queries() {
        String readme = text("README.md");
        int start = readme.indexOf("## Queries");
        int end = readme.indexOf("\n## ", start + 1);
        List<Arguments> out = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String[] http = cells[3].trim().split(" ");
                out.add(Arguments.of(new Example(cells[1].trim().replace("`", ""), cells[2].trim(), http[0], http[1])));
            }
        }
        assertFalse(out.isEmpty());
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void theSandboxAnswersEveryDocumentedQuery(Example example) {
        TestHttp http = new TestHttp(ext.sandbox());
        String query = text(example.file()).trim();
        TestHttp.Resp r = http.send(example.method(), "/api" + example.path() + "?" + query, null);
        assertEquals(200, r.status(), example + ": " + r.body());
        assertTrue(r.json().isArray(), r.body());
        assertEquals("1", r.header("Current-Page"), "page=1 of the query");
        assertEquals("20", r.header("Page-Items"), "items=20 of the query");
    }

    /** A coupon created from the documented "Create a coupon" example; its id. */
    private static String coupon(TestHttp http) throws IOException {
        ObjectNode wrapped = TestHttp.MAPPER.createObjectNode();
        wrapped.set("coupon", TestHttp.MAPPER.readTree(bytes("requests/coupon-create.json")));
        TestHttp.Resp r = http.post("/api/coupons", TestHttp.MAPPER.writeValueAsString(wrapped));
        assertEquals(201, r.status(), "coupon setup: " + r.body());
        return r.json().get("id").asText();
    }

    /** A product created from the documented "Create a product (one time payment)" example. */
    private static JsonNode product(TestHttp http) throws IOException {
        JsonNode doc = TestHttp.MAPPER.readTree(bytes("requests/product-create-one-time.json"));
        ObjectNode wrapped = TestHttp.MAPPER.createObjectNode();
        wrapped.set("product", doc.has("product") ? doc.get("product") : doc);
        TestHttp.Resp r = http.post("/api/products", TestHttp.MAPPER.writeValueAsString(wrapped));
        assertTrue(r.status() == 201 || r.status() == 200, "product setup: " + r.status() + " " + r.body());
        return r.json();
    }

    private static String paidPaymentIntent(TestHttp http) {
        String checkout = http.checkout(3000, "GTQ");
        Map<String, Object> paid = ext.sandbox().payCheckout(checkout);
        String id = (String) paid.get("id");
        assertNotNull(id);
        return id;
    }

    private static String savedCard(TestHttp http) {
        String checkout = http.checkout(3000, "GTQ");
        ext.sandbox().payCheckout(checkout);
        return http.get("/api/checkouts/" + checkout)
                .json()
                .at("/payment_method/id")
                .asText();
    }

    private static byte[] bytes(String path) {
        try (InputStream in = DocumentedRequestsContractTest.class.getResourceAsStream("/contract/" + path)) {
            assertNotNull(in, "missing /contract/" + path + " on the test classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
