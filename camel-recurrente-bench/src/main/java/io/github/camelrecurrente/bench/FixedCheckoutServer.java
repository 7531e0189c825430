package io.github.camelrecurrente.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The cheapest server we can offer the clients: a JDK {@link HttpServer} on 127.0.0.1 (with
 * {@code sun.net.httpserver.nodelay=true}) that answers {@code GET /api/checkouts/{id}} with fixed bytes (a checkout
 * as the sandbox renders it) and {@code POST /api/checkouts} with a fixed 201 answer, reading and discarding the
 * request body. Used to show whether the sandbox is the bottleneck.
 */
final class FixedCheckoutServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool;

    FixedCheckoutServer(byte[] getBody, byte[] createBody, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fixed-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/api/checkouts", ex -> {
            try (ex) {
                drain(ex);
                boolean post = "POST".equals(ex.getRequestMethod());
                byte[] body = post ? createBody : getBody;
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                ex.sendResponseHeaders(post ? 201 : 200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    private static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
