package io.github.camelrecurrente.component;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One connection pool per component and base URL, shared by its endpoints (seen at a loopback server as the client
 * ports the calls come from: kept-alive connections are reused across endpoints), and an application's own
 * HttpClient (a proxy, its own TLS) used for every call and left open.
 */
class ConnectionPoolSharingTest {

    private record Call(int clientPort, String path, String marker) {}

    private HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.add(new Call(
                    exchange.getRemoteAddress().getPort(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Own-Client")));
            byte[] body = "{\"message\":\"Hello\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        context = new DefaultCamelContext();
        RecurrenteComponent component = new RecurrenteComponent();
        component.getConfiguration().setBaseUrl(base("127.0.0.1"));
        component.getConfiguration().setSecretKey("sk_test_pool");
        context.addComponent("recurrente", component);
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        server.stop(0);
    }

    private String base(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/api";
    }

    private void callOk(String uri) {
        Exchange ex = context.createProducerTemplate().request(uri, e -> {});
        assertNull(ex.getException(), () -> uri + ": " + ex.getException());
    }

    @Test
    void endpointsWithTheSameBaseUrlShareOnePool() {
        callOk("recurrente:testCredentials");
        callOk("recurrente:testCredentials?secretKey=sk_test_other_account");
        callOk("recurrente:getCheckout?id=ch_1");
        callOk("recurrente:testCredentials");
        assertEquals(4, calls.size());
        assertEquals(
                1,
                calls.stream().map(Call::clientPort).distinct().count(),
                "one kept-alive connection for three endpoints: " + calls);

        callOk("recurrente:testCredentials?baseUrl=" + base("localhost"));
        assertEquals(2, calls.stream().map(Call::clientPort).distinct().count(), "another base URL, another pool");
    }

    @Test
    void anApplicationsOwnHttpClientIsUsedAndLeftOpen() throws IOException {
        CloseableHttpClient own = HttpClients.custom()
                .addRequestInterceptorFirst((request, entity, ctx) -> request.addHeader("X-Own-Client", "yes"))
                .build();
        try (own) {
            context.getRegistry().bind("ownHttpClient", own);
            callOk("recurrente:testCredentials?httpClient=#ownHttpClient");
            assertEquals("yes", calls.get(0).marker(), "the call went through the application's client");

            RecurrenteComponent withClient = new RecurrenteComponent();
            withClient.getConfiguration().setBaseUrl(base("127.0.0.1"));
            withClient.getConfiguration().setSecretKey("sk_test_pool");
            withClient.getConfiguration().setHttpClient(own);
            context.addComponent("recurrente-proxied", withClient);
            callOk("recurrente-proxied:getCheckout?id=ch_2");
            assertEquals("yes", calls.get(1).marker(), "as a component option too");

            context.stop();
            int status = own.execute(new HttpGet(base("127.0.0.1") + "/test"), response -> response.getCode());
            assertEquals(200, status, "the component did not close the application's client");
            assertTrue(calls.size() >= 3);
        }
    }
}
