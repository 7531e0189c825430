package io.github.camelrecurrente.examples.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;

/**
 * A loopback HTTP server that answers the Recurrente API calls of the example bundle with what the test gives it,
 * in the documented shapes only (the files of {@code contract/}, or the documented shape with real-looking ids): no
 * behaviour of the emulator is relied on. It records every request. Real-API mode: {@link #appProperties}.
 * <ul>
 * <li>{@code GET /test}: the documented greeting;</li>
 * <li>{@code GET /checkouts}: {@link #checkouts} (page 1; an empty array for any later page);</li>
 * <li>{@code GET /intents}: {@link #intents} (one bare array);</li>
 * <li>{@code PATCH|PUT /payment_intents/{id}}: the answer given with {@link #paymentIntent}, else 404;</li>
 * <li>{@code POST /refunds}: {@link #refundCreated}, {@code GET /refunds/{id}}: {@link #refund}, else 404.</li>
 * </ul>
 */
public final class DocumentedApi implements AutoCloseable {

    /** A request the server received. */
    public record Request(String method, String path, String query, String body) {}

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> paymentIntents = new ConcurrentHashMap<>();
    private final Map<String, String> refunds = new ConcurrentHashMap<>();
    private final String webhookSecret = SvixSigner.newSecret();
    private volatile String checkouts = "[]";
    private volatile String intents = "[]";
    private volatile String refundCreated;
    /** INFILE for the app in real-API mode ({@code fel.certifier=infile} pointed at this stand-in). */
    private final io.github.camelrecurrente.examples.standins.infile.InfileStandIn infile =
            io.github.camelrecurrente.examples.standins.infile.InfileStandIn.builder()
                    .start();

    private DocumentedApi(HttpServer server) {
        this.server = server;
    }

    /** @return INFILE as the app sees it (the stand-in this API started): its documents and counts */
    public io.github.camelrecurrente.examples.standins.infile.InfileStandIn infile() {
        return infile;
    }

    public static DocumentedApi start() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DocumentedApi api = new DocumentedApi(server);
            server.createContext("/api/", api::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the documented API stand-in", e);
        }
    }

    /** Real-API mode against this server: live keys (the key mode decides which events are the merchant's). */
    public void appProperties(Map<String, String> props) {
        props.put("recurrente.public-key", "pk_live_books0001");
        props.put("recurrente.secret-key", "sk_live_books0001");
        props.put("recurrente.webhook.secret", webhookSecret);
        props.put("recurrente.base-url", baseUrl());
        // real-API mode: INFILE is this API's stand-in, configured as INFILE; the SMTP stand-in asked for
        props.put("fel.certifier", "infile");
        props.putAll(infile.clientProperties());
        props.putAll(TestStacks.emitter());
        props.put("mail.smtp", "stand-in");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    public void checkouts(String jsonArray) {
        this.checkouts = jsonArray;
    }

    public void intents(String jsonArray) {
        this.intents = jsonArray;
    }

    /** The answer of {@code PATCH /payment_intents/{id}} for this id. */
    public void paymentIntent(String id, String json) {
        paymentIntents.put(id, json);
    }

    /** The answer of {@code GET /refunds/{id}}. */
    public void refund(String id, String json) {
        refunds.put(id, json);
    }

    /** The answer of the next {@code POST /refunds}. */
    public void refundCreated(String json) {
        this.refundCreated = json;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** @return the requests with this method whose path ends with {@code pathSuffix} */
    public List<Request> requests(String method, String pathSuffix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
                .toList();
    }

    /** A documented example of {@code contract/} (test classpath), as a tree to change ids in. */
    public static ObjectNode contract(String path) {
        try (InputStream in = DocumentedApi.class.getResourceAsStream("/contract/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no documented example /contract/" + path);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first element of a documented array example. */
    public static ObjectNode contractElement(String path) {
        try (InputStream in = DocumentedApi.class.getResourceAsStream("/contract/" + path)) {
            return (ObjectNode) ((ArrayNode) JSON.readTree(in)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring("/api".length());
        String query = exchange.getRequestURI().getRawQuery();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        requests.add(new Request(method, path, query, body));
        int status = 200;
        String answer;
        if (path.equals("/test")) {
            answer = "{\"message\": \"Hello Books Merchant 🌎\"}";
        } else if (method.equals("GET") && path.equals("/checkouts")) {
            answer = query != null && query.matches("(.*&)?page=([2-9]|[1-9][0-9]+)(&.*)?") ? "[]" : checkouts;
        } else if (method.equals("GET") && path.equals("/intents")) {
            answer = intents;
        } else if ((method.equals("PATCH") || method.equals("PUT")) && path.startsWith("/payment_intents/")) {
            answer = paymentIntents.get(path.substring("/payment_intents/".length()));
        } else if (method.equals("POST") && path.equals("/refunds")) {
            answer = refundCreated;
        } else if (method.equals("GET") && path.startsWith("/refunds/")) {
            answer = refunds.get(path.substring("/refunds/".length()));
        } else {
            answer = null;
        }
        if (answer == null) {
            status = 404;
            answer = "{\"message\": \"Not found\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        infile.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
