package io.github.camelrecurrente.examples.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * STAND-IN FEL certifier: a tiny loopback HTTP service that plays the part of a Guatemalan FEL certifier (InFile,
 * Digifact, G4S, ...) so the example runs without a contract or network. It is NOT a certifier: it signs nothing and
 * talks to no tax authority. Replace it by setting {@code fel.certifier.url} to your certifier (and adapting the
 * request mapping in {@code routes/invoicing/fel-invoicing.yaml}).
 * <p>
 * {@code POST /api/v1/invoices} with {@code {"reference", "buyer_tax_id", "buyer_name", "currency", "total_in_cents",
 * ...}} answers {@code 201 {"uuid", "series", "number", "url"}}; the same {@code reference} always gets the same
 * invoice (idempotent, like real certifiers' external reference). {@code GET /api/v1/invoices?reference=<reference>}
 * looks an invoice up by that reference ({@code 200} with it, {@code 404} when none), as real certifiers let you query
 * a DTE by your internal reference; a lookup certifies nothing. {@code GET /invoices/{uuid}} shows the invoice.
 * {@link #failNextRequests(int)} and {@link #setAvailable(boolean)} simulate an outage (HTTP 503),
 * {@link #loseNextAnswers(int)} a certification whose answer never reaches the caller.
 */
public final class StandInFelCertifier implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, ObjectNode> invoicesByReference = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger(1000);
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private final AtomicInteger rejectedRequests = new AtomicInteger();
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final Map<String, AtomicInteger> certificationsByReference = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookupsByReference = new ConcurrentHashMap<>();
    private volatile boolean available = true;

    private StandInFelCertifier(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 at the given port (0 = a free port). */
    public static StandInFelCertifier start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            StandInFelCertifier certifier = new StandInFelCertifier(server);
            server.createContext("/api/v1/invoices", certifier::invoices);
            server.createContext("/invoices/", certifier::show);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "stand-in-fel-certifier");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return certifier;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the stand-in FEL certifier", e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the URL to configure as {@code fel.certifier.url} */
    public String invoicesUrl() {
        return rootUrl() + "/api/v1/invoices";
    }

    /** The next {@code count} invoice requests fail with 503 (a certifier outage). */
    public void failNextRequests(int count) {
        failuresToInject.set(count);
    }

    /**
     * The next {@code count} certifications are made, but answered {@code 504} (a gateway in front of the certifier
     * timed out): the invoice exists and the caller cannot know it.
     */
    public void loseNextAnswers(int count) {
        answersToLose.set(count);
    }

    /** Switches the whole service down (503) or up. */
    public void setAvailable(boolean up) {
        this.available = up;
    }

    /** @return number of distinct invoices issued */
    public int issuedCount() {
        return invoicesByReference.size();
    }

    /** @return how many requests were answered 503 */
    public int rejectedCount() {
        return rejectedRequests.get();
    }

    /**
     * @return how many certification requests for this reference (payment intent id) reached the certifier (answered
     *         201, or lost): 1 when the payment was certified once, more when the same invoice was asked for again
     */
    public int certificationRequests(String reference) {
        AtomicInteger n = certificationsByReference.get(reference);
        return n == null ? 0 : n.get();
    }

    /** @return how many lookups by this reference were answered (200 or 404) */
    public int lookupRequests(String reference) {
        AtomicInteger n = lookupsByReference.get(reference);
        return n == null ? 0 : n.get();
    }

    /** @return the invoice issued for a reference (payment intent id), or null */
    public Map<String, Object> invoiceFor(String reference) {
        ObjectNode n = invoicesByReference.get(reference);
        return n == null ? null : JSON.convertValue(n, Map.class);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void invoices(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!"POST".equals(method) && !"GET".equals(method)) {
                send(ex, 405, error("use POST (certify) or GET ?reference= (look up)"));
                return;
            }
            if (!available || failuresToInject.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                rejectedRequests.incrementAndGet();
                send(ex, 503, error("stand-in certifier unavailable (simulated outage)"));
                return;
            }
            if ("GET".equals(method)) {
                lookUp(ex);
            } else {
                issue(ex);
            }
        }
    }

    private void lookUp(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        String reference = query != null && query.startsWith("reference=")
                ? URLDecoder.decode(query.substring("reference=".length()), StandardCharsets.UTF_8)
                : "";
        if (reference.isEmpty()) {
            send(ex, 422, error("reference is required"));
            return;
        }
        lookupsByReference.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
        ObjectNode invoice = invoicesByReference.get(reference);
        if (invoice == null) {
            send(ex, 404, error("no invoice with reference " + reference));
        } else {
            send(ex, 200, invoice);
        }
    }

    private void issue(HttpExchange ex) throws IOException {
        JsonNode req;
        try {
            req = JSON.readTree(ex.getRequestBody());
        } catch (IOException e) {
            send(ex, 400, error("body is not JSON"));
            return;
        }
        String reference = req.path("reference").asText("");
        if (reference.isEmpty() || !req.path("total_in_cents").canConvertToLong()) {
            send(ex, 422, error("reference and total_in_cents are required"));
            return;
        }
        ObjectNode invoice = invoicesByReference.computeIfAbsent(reference, r -> {
            String uuid = UUID.nameUUIDFromBytes(r.getBytes(StandardCharsets.UTF_8))
                    .toString()
                    .toUpperCase();
            ObjectNode n = JSON.createObjectNode();
            n.put("uuid", uuid);
            n.put("series", "STANDIN-A");
            n.put("number", String.valueOf(sequence.incrementAndGet()));
            n.put("url", rootUrl() + "/invoices/" + uuid);
            n.put("buyer_tax_id", req.path("buyer_tax_id").asText("CF"));
            n.put("buyer_name", req.path("buyer_name").asText("CF"));
            n.put("total_in_cents", req.path("total_in_cents").asLong());
            n.put("currency", req.path("currency").asText("GTQ"));
            n.put("reference", r);
            return n;
        });
        certificationsByReference
                .computeIfAbsent(reference, r -> new AtomicInteger())
                .incrementAndGet();
        if (answersToLose.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            send(ex, 504, error("gateway timeout (simulated: the invoice was certified, the answer lost)"));
            return;
        }
        send(ex, 201, invoice);
    }

    private void show(HttpExchange ex) throws IOException {
        try (ex) {
            String uuid = ex.getRequestURI().getPath().substring("/invoices/".length());
            for (ObjectNode n : invoicesByReference.values()) {
                if (n.path("uuid").asText().equals(uuid)) {
                    send(ex, 200, n);
                    return;
                }
            }
            send(ex, 404, error("no invoice " + uuid));
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("message", message);
        return n;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
