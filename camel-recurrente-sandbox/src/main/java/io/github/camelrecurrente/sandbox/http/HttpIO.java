package io.github.camelrecurrente.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelrecurrente.sandbox.store.Json;

/** Small helpers around {@link HttpExchange}. */
public final class HttpIO {

    private HttpIO() {}

    /** Reads the whole request body. */
    public static byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Decodes a query string (first value of a name wins, insertion order kept). */
    public static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    /** Sends a JSON answer and closes the exchange. */
    public static void send(HttpExchange ex, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : Json.bytes(body);
        if (headers != null) {
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    /** Origin of the request as the client addressed it, e.g. {@code http://127.0.0.1:8090}. */
    public static String origin(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            host = "127.0.0.1:" + ex.getLocalAddress().getPort();
        }
        return "http://" + host;
    }
}
