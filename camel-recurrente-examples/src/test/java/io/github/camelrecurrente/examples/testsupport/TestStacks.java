package io.github.camelrecurrente.examples.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.apache.camel.test.AvailablePortFinder;

/** Test configuration: a private H2 file, free loopback ports, fast polling and retries. */
public final class TestStacks {

    /** The operator tokens of the test stacks: label ops-test and label auditor. */
    public static final String OPS_TOKEN = "test-operator-token-0123456789abcdef";

    public static final String AUDITOR_TOKEN = "test-auditor-token-fedcba9876543210";

    private TestStacks() {}

    /** The test ledger: an H2 database in file mode under {@code dir}. */
    public static String ledgerUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
    }

    public static Map<String, String> properties(Path dir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ledger.jdbc-url", ledgerUrl(dir));
        p.put("camel.server.host", "127.0.0.1");
        p.put("camel.server.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        p.put("camel.management.host", "127.0.0.1");
        p.put("camel.management.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        p.put("fel.poll-delay", "100");
        p.put("fel.retry.maximum-redeliveries", "2");
        p.put("fel.retry.redelivery-delay", "50");
        // reconciliation runs on demand only (direct:reconcile), its reports go to the test's directory
        p.put("reconciliation.schedule.enabled", "false");
        // pending refunds are re-checked on demand only (direct:refund-pending-recheck)
        p.put("refunds.pending-recheck.enabled", "false");
        // the webhook inbox: pruned on demand only (direct:webhook-inbox-prune); posted soon after a delivery is
        // stored;
        // a failing posting retried twice, quickly, then DEAD
        p.put("inbox.pruning.enabled", "false");
        p.put("inbox.poll-delay", "50");
        p.put("inbox.retry-delays", "200ms,200ms");
        p.put(
                "reconciliation.report-dir",
                dir.resolve("reconciliation").toAbsolutePath().toString());
        // the lock file of the master: routes' cluster service
        p.put("examples.cluster.root", dir.resolve("cluster").toAbsolutePath().toString());
        p.put("examples.ops.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        p.put("examples.ops.token", "ops-test:" + OPS_TOKEN + ",auditor:" + AUDITOR_TOKEN);
        p.put(
                "examples.ops.token-file",
                dir.resolve("operator-token").toAbsolutePath().toString());
        return p;
    }

    public static HttpResponse<String> post(String url, String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** A request with these extra headers (name, value, name, value, ...); no redirect is followed. */
    public static HttpResponse<String> send(String method, String url, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST on the operator port with the ops-test token. */
    public static HttpResponse<String> opsPost(Map<String, String> props, String pathAndQuery, String json)
            throws Exception {
        return send(
                "POST",
                opsUrl(props) + pathAndQuery,
                json,
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + OPS_TOKEN);
    }

    /** A browser's session on the operator port (logged in with the ops-test token) and its status page's CSRF token. */
    public record OpsBrowser(Map<String, String> props, String cookie, String csrf) {

        /** Posts a status page form (urlencoded fields, without the CSRF token: added here unless {@code forged}). */
        public HttpResponse<String> submit(String path, String fields, boolean forged) throws Exception {
            String form = forged ? fields : "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&" + fields;
            String[] headers = {"Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"};
            return send("POST", opsUrl(props) + path, form, headers);
        }
    }

    /** Logs a browser in on the operator port with the ops-test token and reads the status page's CSRF token. */
    public static OpsBrowser opsBrowser(Map<String, String> props) throws Exception {
        String[] form = {"Content-Type", "application/x-www-form-urlencoded"};
        HttpResponse<String> login = send("POST", opsUrl(props) + "/ops/login", "token=" + OPS_TOKEN, form);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String page = send("GET", opsUrl(props) + "/ops/status", null, "Cookie", cookie)
                .body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the status page: " + page);
        }
        return new OpsBrowser(props, cookie, csrf.group(1));
    }

    /** GET on the operator port with the ops-test token (e.g. the status page). */
    public static HttpResponse<String> opsGet(Map<String, String> props, String pathAndQuery) throws Exception {
        return send("GET", opsUrl(props) + pathAndQuery, null, "Authorization", "Bearer " + OPS_TOKEN);
    }

    /** The operator port's base URL of a stack started with {@link #properties}. */
    public static String opsUrl(Map<String, String> props) {
        return "http://127.0.0.1:" + props.get("examples.ops.port");
    }

    public static HttpResponse<String> get(String url) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** The emitter the tests invoice for ({@code fel.emisor.*}: NIT 12345679, check digit valid). */
    public static Map<String, String> emitter() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("fel.emisor.nit", "12345679");
        p.put("fel.emisor.nombre", "MI TIENDA DE PRUEBA, SOCIEDAD ANONIMA");
        p.put("fel.emisor.nombre-comercial", "Mi Tienda de Prueba");
        p.put("fel.emisor.establecimiento", "1");
        p.put("fel.emisor.afiliacion-iva", "GEN");
        p.put("fel.emisor.direccion", "4a Avenida 1-23 Zona 10");
        p.put("fel.emisor.codigo-postal", "01010");
        p.put("fel.emisor.municipio", "Guatemala");
        p.put("fel.emisor.departamento", "Guatemala");
        p.put("fel.emisor.pais", "GT");
        p.put("fel.emisor.frases", "1:1");
        return p;
    }

    /**
     * An INFILE stand-in started by the test, and {@code props} pointed at it as if it were INFILE
     * ({@code fel.certifier=infile}, its URL and credentials, {@link #emitter()}): the app treats it as the real
     * certifier (its documents are pushed and mailed). The caller closes it.
     */
    public static InfileStandIn infile(Map<String, String> props) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        InfileStandIn standIn = InfileStandIn.builder().start();
        props.put("fel.certifier", "infile");
        props.putAll(standIn.clientProperties());
        props.putAll(emitter());
        return standIn;
    }

    /**
     * An emulator standing in for the real API (live keys, a registered webhook endpoint) and {@code props} pointed at
     * it with keys set: the examples app then runs in real-API mode, with the e-mails in the SMTP stand-in
     * ({@code mail.smtp=stand-in}, the explicit opt-in). The certifier is the caller's ({@code fel.certifier}: see
     * {@link #infile}). The caller closes the emulator.
     */
    public static RecurrenteSandbox realApi(Map<String, String> props) {
        RecurrenteSandbox api = RecurrenteSandbox.builder()
                .port(0)
                .account("Merchant", "pk_live_merchant", "sk_live_merchant")
                .build()
                .start();
        Map<String, Object> endpoint = api.registerWebhookEndpoint(
                "sk_live_merchant", "http://127.0.0.1:" + props.get("camel.server.port") + "/recurrente/events");
        props.put("recurrente.public-key", "pk_live_merchant");
        props.put("recurrente.secret-key", "sk_live_merchant");
        props.put("recurrente.webhook.secret", (String) endpoint.get("signingSecret"));
        props.put("recurrente.base-url", api.baseUrl());
        props.putIfAbsent("mail.smtp", "stand-in");
        return api;
    }

    /**
     * A card payment of Q150.00 to a NIT buyer with an e-mail address ({@code 1234567-9}, Comercial La Ceiba), waited
     * for until the bundle invoiced it (DONE); returns its payment intent id.
     */
    public static String invoicedToNit(RecurrenteSandbox sandbox, LedgerReport ledger) {
        String id = (String) sandbox.payCheckout(
                        sandbox.createCheckout(15000, "GTQ"),
                        new PaymentOptions(
                                PaymentOptions.SUCCESS_CARD,
                                "1234567-9",
                                "Comercial La Ceiba",
                                "ceiba@example.com",
                                "Ana"))
                .get("id");
        DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), id + " invoiced");
        return id;
    }

    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still waiting after " + timeout.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
