package io.github.camelrecurrente.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.camelrecurrente.component.client.RequestBody;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.ModelFixtures;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.event.GenericEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of the repository's {@code contract/} folder, from its README's tables: every documented response
 * example, answered by a loopback server, comes out of the producer as the operation's model with every documented
 * field value; every documented webhook example parses into its typed event; every documented request example passes
 * the request validator; the documented list query is the query the producer sends. A change that breaks a
 * documented shape fails here.
 */
class ContractExamplesTest {

    /** What the loopback API answers next: the documented example of the response under test. */
    private static volatile byte[] answer = new byte[0];

    /** The path and raw query of the last request the loopback API received. */
    private static volatile String lastPath;

    private static volatile String lastQuery;

    private static HttpServer server;
    private static CamelContext context;

    @BeforeAll
    static void startLoopbackApi() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", exchange -> {
            try (exchange) {
                lastPath = exchange.getRequestURI().getRawPath();
                lastQuery = exchange.getRequestURI().getRawQuery();
                byte[] body = answer;
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        context = new DefaultCamelContext();
        RecurrenteComponent component = new RecurrenteComponent(context);
        component
                .getConfiguration()
                .setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
        component.getConfiguration().setSecretKey("sk_test_contract");
        component.getConfiguration().setValidateRequests(false); // the responses are under test here
        context.addComponent("recurrente", component);
        context.start();
    }

    @AfterAll
    static void stopLoopbackApi() {
        if (context != null) {
            context.stop();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** One row of a README table: the file and its second column (operation or event type). */
    record Example(String file, String kind) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Example> rows(String section) {
        String readme = text("README.md");
        int start = readme.indexOf("## " + section);
        assertTrue(start >= 0, "README section " + section);
        int end = readme.indexOf("\n## ", start + 1);
        List<Example> out = new ArrayList<>();
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                out.add(new Example(cells[1].trim().replace("`", ""), cells[2].trim()));
            }
        }
        assertFalse(out.isEmpty(), "rows in " + section);
        return out;
    }

    static Stream<Arguments> requests() {
        return rows("Requests").stream().map(Arguments::of);
    }

    static Stream<Arguments> responses() {
        return rows("Responses").stream().map(Arguments::of);
    }

    static Stream<Arguments> webhooks() {
        return rows("Webhooks").stream().map(Arguments::of);
    }

    static Stream<Arguments> queries() {
        return rows("Queries").stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyDocumentedRequestPassesTheValidator(Example example) throws IOException {
        RecurrenteOperation op = RecurrenteOperation.valueOf(example.kind());
        JsonNode body = RequestBody.wrap(op.spec(), RecurrenteJson.mapper().readTree(bytes(example.file())));
        assertDoesNotThrow(() -> RequestValidator.validate(op, body), example.file());
        if (op == RecurrenteOperation.createCheckout) {
            CheckoutRequest typed = RecurrenteJson.mapper().treeToValue(body, CheckoutRequest.class);
            assertDoesNotThrow(() -> RequestValidator.validateCheckout(typed), example.file() + " (typed)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void everyDocumentedResponseDecodes(Example example) {
        RecurrenteOperation op = RecurrenteOperation.valueOf(example.kind());
        answer = bytes(example.file());
        Exchange ex = context.createProducerTemplate().request("recurrente:" + op + "?id=x_1", e -> {
            e.getMessage().setHeader(RecurrenteConstants.TAX_INVOICE_URL, "https://fel.example/1");
            e.getMessage().setBody(op.hasBody() ? "{}" : null);
        });
        assertNull(ex.getException(), () -> example.file() + ": " + ex.getException());
        Object decoded = ex.getMessage().getBody();
        if (op.isList()) {
            List<?> items = assertInstanceOf(List.class, decoded, example.file());
            assertFalse(items.isEmpty(), example.file());
            for (Object item : items) {
                assertInstanceOf(op.resultType(), item, example.file());
            }
        } else {
            assertNotNull(decoded, example.file());
            assertInstanceOf(op.resultType(), decoded, example.file());
        }
        // every documented field value comes out of the model (numbers by value: "500" equals 500; nulls left out)
        ModelFixtures.assertSameJson(tree(example.file()), ModelFixtures.toTree(decoded));
    }

    /**
     * The documented list query, given to the producer as its options ({@code from_time} as {@code fromTime}, ...),
     * is the query the producer sends: the same parameters with the same values.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void everyDocumentedQueryIsTheQueryTheProducerSends(Example example) {
        RecurrenteOperation op = RecurrenteOperation.valueOf(example.kind());
        Map<String, String> documented = parameters(text(example.file()).trim());
        StringBuilder uri = new StringBuilder("recurrente:" + op);
        String sep = "?";
        for (Map.Entry<String, String> p : documented.entrySet()) {
            uri.append(sep)
                    .append(camelCase(p.getKey()))
                    .append("=RAW(")
                    .append(p.getValue())
                    .append(')');
            sep = "&";
        }
        answer = "[]".getBytes(StandardCharsets.UTF_8);
        Exchange ex = context.createProducerTemplate().request(uri.toString(), e -> {});
        assertNull(ex.getException(), () -> example.file() + ": " + ex.getException());
        assertEquals("/api" + op.spec().path(null), lastPath, example.file());
        assertEquals(documented, parameters(lastQuery), example.file() + ": sent " + lastQuery);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhooks")
    void everyDocumentedWebhookDecodes(Example example) {
        RecurrenteEvent event = RecurrenteEvents.parse(bytes(example.file()));
        assertEquals(example.kind(), event.getEventType(), example.file());
        assertFalse(event instanceof GenericEvent, example.file() + " decodes into its typed event");
        assertNotNull(event.getResourceId(), example.file() + " names the object it is about");
    }

    @Test
    void everyFileOfTheFolderIsInTheIndexAndEveryRowHasItsFile() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (String section : List.of("Requests", "Queries", "Responses", "Webhooks")) {
            rows(section).forEach(r -> listed.add(r.file()));
        }
        Set<String> present = new TreeSet<>();
        Path root = Path.of(resource("README.md").toURI()).getParent();
        for (String dir : List.of("requests", "queries", "responses", "webhooks")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.forEach(f -> present.add(dir + "/" + f.getFileName()));
            }
        }
        assertEquals(present, listed, "contract/README.md indexes exactly the files of contract/");
    }

    /** The parameters of a query string, decoded, in their order. */
    static Map<String, String> parameters(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** {@code from_time} -> {@code fromTime}: the endpoint option of a query parameter. */
    private static String camelCase(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    private static JsonNode tree(String path) {
        try {
            return RecurrenteJson.mapper().readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String path) {
        URL url = ContractExamplesTest.class.getResource("/contract/" + path);
        assertNotNull(url, "missing /contract/" + path + " on the test classpath");
        return url;
    }

    static byte[] bytes(String path) {
        try (InputStream in = resource(path).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
