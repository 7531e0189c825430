package io.github.camelrecurrente.component.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/** Camel Main + platform-http app on 127.0.0.1 and a signing HTTP client, for the webhook tests. */
final class WebhookTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private WebhookTestSupport() {}

    /** A running Camel Main application with the embedded platform-http server. */
    static final class App implements AutoCloseable {
        final Main main;
        final int port;

        private App(Main main, int port) {
            this.main = main;
            this.port = port;
        }

        CamelContext context() {
            return main.getCamelContext();
        }

        @Override
        public void close() {
            try {
                main.stop();
            } catch (Exception e) {
                // best effort
            }
        }
    }

    static App start(int port, RoutesBuilder routes) throws Exception {
        return start(port, routes, Map.of());
    }

    static App start(int port, RoutesBuilder routes, Map<String, Object> beans) throws Exception {
        return start(port, routes, beans, Map.of());
    }

    static App start(int port, RoutesBuilder routes, Map<String, Object> beans, Map<String, String> properties)
            throws Exception {
        Main main = new Main();
        properties.forEach(main::addInitialProperty);
        main.addInitialProperty("camel.main.name", "webhook-test");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.main.shutdown-timeout", "5");
        beans.forEach(main::bind);
        if (routes != null) {
            main.configure().addRoutesBuilder(routes);
        }
        try {
            main.start();
        } catch (Exception e) {
            try {
                main.stop();
            } catch (Exception ignore) {
                // already failing
            }
            throw e;
        }
        return new App(main, port);
    }

    static Map<String, String> signed(String secret, String id, long timestamp, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("svix-id", id);
        h.put("svix-timestamp", Long.toString(timestamp));
        h.put("svix-signature", SvixSigner.sign(secret, id, timestamp, body));
        return h;
    }

    static Map<String, String> signed(String secret, String id, byte[] body) {
        return signed(secret, id, now(), body);
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static HttpResponse<String> post(int port, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    static HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] resource(String name) {
        InputStream found = WebhookTestSupport.class.getResourceAsStream("/webhook/" + name);
        if (found == null) {
            found = WebhookTestSupport.class.getResourceAsStream("/contract/webhooks/" + name); // documented
        }
        try (InputStream in = found) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "no test resource /webhook/" + name + " or /contract/webhooks/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
