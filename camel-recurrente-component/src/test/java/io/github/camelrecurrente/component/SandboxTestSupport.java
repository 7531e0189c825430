package io.github.camelrecurrente.component;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Runs Camel against a real loopback Recurrente sandbox (one per test class, reset before each test). The
 * {@code recurrente} component is configured with the sandbox's base URL and the first account's keys.
 */
public abstract class SandboxTestSupport extends CamelTestSupport {

    protected static final String PK = "pk_test_tiendauno";
    protected static final String SK = "sk_test_tiendauno_secret";
    protected static final String PK2 = "pk_test_tiendados";
    protected static final String SK2 = "sk_test_tiendados_secret";

    protected static RecurrenteSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = RecurrenteSandbox.builder()
                .port(0)
                .account("Tienda Uno", PK, SK)
                .account("Tienda Dos", PK2, SK2)
                .build()
                .start();
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sandbox.reset();
        CamelContext ctx = super.createCamelContext();
        RecurrenteComponent component = ctx.getComponent("recurrente", RecurrenteComponent.class);
        RecurrenteConfiguration cfg = component.getConfiguration();
        cfg.setBaseUrl(sandbox.baseUrl());
        cfg.setPublicKey(PK);
        cfg.setSecretKey(SK);
        cfg.setRetryDelay(20);
        return ctx;
    }

    /** Sends to a recurrente: URI and returns the whole exchange (exceptions stay on it). */
    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            if (headers != null) {
                e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            }
        });
    }

    protected <T> T callOk(String uri, Object body, Map<String, Object> headers, Class<T> type) {
        Exchange ex = call(uri, body, headers);
        if (ex.getException() != null) {
            throw new AssertionError("call to " + uri + " failed: " + ex.getException(), ex.getException());
        }
        Object result = ex.getMessage().getBody();
        assertNotNull(result, "no body from " + uri);
        return type.cast(result);
    }

    protected RecordedRequest lastApiRequest() {
        List<RecordedRequest> requests = sandbox.requests();
        assertNotNull(requests);
        return requests.get(requests.size() - 1);
    }

    /** Asserts method, path and the auth headers the component must send. */
    protected RecordedRequest assertLastRequest(String method, String path) {
        RecordedRequest r = lastApiRequest();
        assertEquals(method, r.method(), "HTTP method");
        assertEquals("/api" + path, r.path(), "path");
        assertEquals(SK, r.header("X-SECRET-KEY"), "X-SECRET-KEY sent");
        assertEquals(PK, r.header("X-PUBLIC-KEY"), "X-PUBLIC-KEY sent");
        return r;
    }

    protected static JsonNode json(RecordedRequest r) {
        try {
            return RecurrenteJson.mapper().readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("request body is not JSON: " + r.bodyText(), e);
        }
    }

    protected static JsonNode json(String text) {
        try {
            return RecurrenteJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
