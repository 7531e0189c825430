package io.github.camelrecurrente.sandbox.http;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelrecurrente.sandbox.Fault;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.api.ApiException;
import io.github.camelrecurrente.sandbox.api.ApiRequest;
import io.github.camelrecurrente.sandbox.api.ApiResponse;
import io.github.camelrecurrente.sandbox.api.Router;
import io.github.camelrecurrente.sandbox.store.AccountData;
import io.github.camelrecurrente.sandbox.store.Json;

/** Serves {@code /api/...}: fault injection, authentication, routing, error shapes, journal. */
public final class ApiHandler implements HttpHandler {

    private final Function<String, AccountData> accountsBySecret;
    private final Router router;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final BooleanSupplier legacyErrors;

    /**
     * @param accountsBySecret finds the account of a secret key ({@code null} when unknown)
     * @param router           endpoint dispatcher
     * @param faults           fault injector
     * @param journal          request journal
     * @param legacyErrors     whether errors use the old {@code {"error": "..."}} shape
     */
    public ApiHandler(
            Function<String, AccountData> accountsBySecret,
            Router router,
            FaultInjector faults,
            RequestJournal journal,
            BooleanSupplier legacyErrors) {
        this.accountsBySecret = accountsBySecret;
        this.router = router;
        this.faults = faults;
        this.journal = journal;
        this.legacyErrors = legacyErrors;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            byte[] body = HttpIO.body(ex);
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getRawPath();
            String rawQuery = ex.getRequestURI().getRawQuery();
            ApiResponse resp = respond(ex, method, path, rawQuery, body);
            if (journal.enabled()) {
                journal.add(
                        new RecordedRequest(method, path, rawQuery, headers(ex), body, resp.status(), Instant.now()));
            }
            HttpIO.send(ex, resp.status(), resp.body(), resp.headers());
        } catch (RuntimeException e) {
            ObjectNode err = Json.object();
            err.put("message", "Error interno del sandbox: " + e);
            HttpIO.send(ex, 500, err, null);
        }
    }

    private ApiResponse respond(HttpExchange ex, String method, String path, String rawQuery, byte[] body) {
        Fault fault = faults.match(method, path);
        if (fault != null) {
            if (!fault.latency().isZero()) {
                sleep(fault.latency().toMillis());
            }
            if (fault.status() != 0) {
                return faultResponse(fault);
            }
        }
        try {
            String secret = ex.getRequestHeaders().getFirst("X-SECRET-KEY");
            AccountData data = secret == null ? null : accountsBySecret.apply(secret);
            String publicKey = ex.getRequestHeaders().getFirst("X-PUBLIC-KEY");
            if (data == null
                    || (publicKey != null && !publicKey.equals(data.account().publicKey()))) {
                throw ApiException.unauthorized();
            }
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            JsonNode json = body.length == 0 || isBlank(body)
                    ? Json.object()
                    : contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                            ? FormBody.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                            : parse(body);
            List<String> segments = segments(path);
            ApiRequest req = new ApiRequest(
                    method, path, segments, HttpIO.query(rawQuery), rawQuery, json, data, HttpIO.origin(ex));
            return router.route(req);
        } catch (ApiException e) {
            return error(e.status(), e.getMessage(), e.field(), e.detail());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "El cuerpo de la solicitud no es JSON válido", "body", e.getMessage());
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        String rest = path.length() > 4 ? path.substring(5) : "";
        List<String> out = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private ApiResponse faultResponse(Fault fault) {
        ApiResponse r = fault.status() == 429
                ? error(
                        429,
                        "Demasiadas solicitudes, intenta de nuevo más tarde",
                        "rate_limit",
                        "límite de solicitudes excedido")
                : error(
                        fault.status(),
                        "Error simulado por el sandbox (HTTP " + fault.status() + ")",
                        "server",
                        "falla inyectada");
        if (fault.retryAfterSeconds() >= 0) {
            r.headers().put("Retry-After", Integer.toString(fault.retryAfterSeconds()));
        }
        return r;
    }

    private ApiResponse error(int status, String message, String field, String detail) {
        ObjectNode n = Json.object();
        if (legacyErrors.getAsBoolean()) {
            n.put("error", message);
        } else {
            n.put("message", message);
            n.putObject("errors").putArray(field == null ? "base" : field).add(detail == null ? message : detail);
        }
        return new ApiResponse(status, n, new LinkedHashMap<>());
    }

    private static Map<String, List<String>> headers(HttpExchange ex) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
