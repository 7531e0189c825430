package io.github.camelrecurrente.component.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny loopback stand-in for the list endpoints that answers exactly the shapes the API documentation shows:
 * products, coupons and customers without {@code created_at}/{@code updated_at} (the examples of "Get all products",
 * "Get all coupons" and the customers reference), newest first, paged with {@code page}/{@code items} (default 10)
 * and no pagination headers, customers wrapped in {@code {"customers": [...]}}. It does not import the component
 * or the sandbox. With {@link #ignorePage(boolean)} it answers every page with the first one, like an API that
 * ignores {@code page}; with {@link #unpaged(boolean)} it answers every item of the list at once, whatever
 * {@code page} and {@code items} say, like the lists documented without paging (intents, webhook endpoints).
 */
public final class DocumentedListServer implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, List<ObjectNode>> lists = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean ignorePage;
    private volatile boolean unpaged;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    public DocumentedListServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.start();
    }

    /** The base URL for the component's baseUrl option. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    public void ignorePage(boolean ignore) {
        this.ignorePage = ignore;
    }

    /** Answer every item at once, one bare array, ignoring {@code page} and {@code items} (no paging headers). */
    public void unpaged(boolean unpaged) {
        this.unpaged = unpaged;
    }

    public int requests() {
        return requests.get();
    }

    /** The query string of every request, oldest first (null when it had none). */
    public List<String> queries() {
        return new ArrayList<>(queries);
    }

    /** Adds a product in the documented shape (newest first); returns its id. */
    public String addProduct(String name) {
        String id = "prod_" + Integer.toString(36 * 36 * 36 + counter.incrementAndGet(), 36);
        ObjectNode p = MAPPER.createObjectNode();
        p.put("id", id);
        p.put("status", "active");
        p.put("name", name);
        p.put("description", "Descripción de tu producto");
        p.put("success_url", "https://www.google.com/");
        p.put("cancel_url", "https://www.amazon.com/");
        p.put("custom_terms_and_conditions", "Términos y condiciones");
        p.put("phone_requirement", "none");
        p.put("address_requirement", "none");
        p.put("billing_info_requirement", "none");
        ObjectNode price = p.putArray("prices").addObject();
        price.put("id", "price_" + id.substring(5));
        price.put("amount_in_cents", 500);
        price.put("currency", "GTQ");
        price.put("billing_interval_count", 0);
        price.put("billing_interval", "");
        price.put("charge_type", "one_time");
        price.putNull("periods_before_automatic_cancellation");
        price.put("free_trial_interval_count", 0);
        price.put("free_trial_interval", "");
        p.put("storefront_link", "https://app.recurrente.com/s/tienda/" + id);
        p.putObject("metadata");
        return add("products", p);
    }

    /** Adds a coupon in the documented shape; returns its id. */
    public String addCoupon(String name) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("id", "coup_" + Integer.toString(36 * 36 * 36 + counter.incrementAndGet(), 36));
        c.put("name", name);
        c.put("amount_off_in_cents", 1500);
        c.putNull("percent_off");
        c.putNull("max_redemptions");
        c.put("currency", "GTQ");
        c.put("duration", "once");
        c.putNull("expires_at");
        c.put("status", "active");
        return add("coupons", c);
    }

    /** Adds a customer in the documented shape; returns its id. */
    public String addCustomer(String email) {
        int n = counter.incrementAndGet();
        ObjectNode c = MAPPER.createObjectNode();
        c.put("id", "cus_" + n);
        c.put("user_id", "usr_" + n);
        c.put("email", email);
        c.put("name", email.substring(0, email.indexOf('@')));
        c.putNull("phone");
        c.putNull("address");
        c.put("nit", "CF");
        c.putObject("metadata");
        return add("customers", c);
    }

    /** Adds any item (newest first) to a list, e.g. a checkout without created_at; returns its id. */
    public String addItem(String resource, String json) {
        try {
            return add(resource, (ObjectNode) MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Changes the status of a listed item. */
    public void setStatus(String resource, String id, String status) {
        for (ObjectNode n : list(resource)) {
            if (id.equals(n.path("id").asText())) {
                n.put("status", status);
                return;
            }
        }
        throw new IllegalArgumentException("no " + resource + " " + id);
    }

    /** Removes an item from its list (deleted, archived). */
    public void remove(String resource, String id) {
        list(resource).removeIf(n -> id.equals(n.path("id").asText()));
    }

    private String add(String resource, ObjectNode item) {
        list(resource).add(0, item);
        return item.path("id").asText();
    }

    private List<ObjectNode> list(String resource) {
        return lists.computeIfAbsent(resource, r -> new CopyOnWriteArrayList<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        queries.add(exchange.getRequestURI().getRawQuery());
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("X-SECRET-KEY");
            if (key == null || key.isBlank()) {
                send(exchange, 401, "{\"message\":\"Autenticación Errónea\"}");
                return;
            }
            String resource = exchange.getRequestURI().getPath().substring("/api/".length());
            if (!"GET".equals(exchange.getRequestMethod())
                    || !lists.containsKey(resource)
                            && !List.of("products", "coupons", "customers").contains(resource)) {
                send(exchange, 404, "{\"message\":\"Not found\"}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI());
            List<ObjectNode> all = new ArrayList<>(list(resource));
            int items = unpaged ? Math.max(1, all.size()) : Integer.parseInt(query.getOrDefault("items", "10"));
            int page = ignorePage || unpaged ? 1 : Integer.parseInt(query.getOrDefault("page", "1"));
            ArrayNode out = MAPPER.createArrayNode();
            for (int i = (page - 1) * items; i < Math.min(all.size(), page * items); i++) {
                out.add(all.get(i).deepCopy());
            }
            if ("customers".equals(resource)) {
                ObjectNode wrapped = MAPPER.createObjectNode();
                wrapped.set("customers", out);
                send(exchange, 200, MAPPER.writeValueAsString(wrapped));
            } else {
                send(exchange, 200, MAPPER.writeValueAsString(out));
            }
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return q;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
