package io.github.camelrecurrente.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Minimal JSON client for the tests (talks to 127.0.0.1 only). */
final class TestHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response. */
    record Resp(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String root;
    private final String publicKey;
    private final String secretKey;

    TestHttp(RecurrenteSandbox sandbox) {
        this(
                sandbox.rootUrl(),
                sandbox.defaultAccount().publicKey(),
                sandbox.defaultAccount().secretKey());
    }

    TestHttp(String root, String publicKey, String secretKey) {
        this.root = root;
        this.publicKey = publicKey;
        this.secretKey = secretKey;
    }

    TestHttp as(String pk, String sk) {
        return new TestHttp(root, pk, sk);
    }

    Resp get(String path) {
        return send("GET", path, null);
    }

    Resp post(String path, String json) {
        return send("POST", path, json);
    }

    Resp patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Resp put(String path, String json) {
        return send("PUT", path, json);
    }

    Resp delete(String path) {
        return send("DELETE", path, null);
    }

    Resp send(String method, String path, String json) {
        return send(method, path, json, Map.of());
    }

    Resp send(String method, String path, String json, Map<String, String> extraHeaders) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(20));
        if (secretKey != null) {
            b.header("X-SECRET-KEY", secretKey);
        }
        if (publicKey != null) {
            b.header("X-PUBLIC-KEY", publicKey);
        }
        if (!extraHeaders.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        extraHeaders.forEach(b::header);
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Creates a one-time checkout and returns its id. */
    String checkout(long amount, String currency) {
        Resp r = post(
                "/api/checkouts",
                "{\"items\":[{\"name\":\"Banana\",\"currency\":\"" + currency + "\",\"amount_in_cents\":" + amount
                        + "}]}");
        if (r.status() != 201) {
            throw new AssertionError("checkout create failed: " + r.status() + " " + r.body());
        }
        return r.json().get("id").asText();
    }

    /** Creates a monthly recurring checkout and returns its id. */
    String recurringCheckout(long amount) {
        Resp r = post(
                "/api/checkouts",
                "{\"items\":[{\"name\":\"Membresia Gold\",\"currency\":\"GTQ\",\"amount_in_cents\":"
                        + amount
                        + ",\"charge_type\":\"recurring\",\"billing_interval\":\"month\",\"billing_interval_count\":1}],"
                        + "\"metadata\":{\"order\":\"42\"}}");
        if (r.status() != 201) {
            throw new AssertionError("checkout create failed: " + r.status() + " " + r.body());
        }
        return r.json().get("id").asText();
    }
}
