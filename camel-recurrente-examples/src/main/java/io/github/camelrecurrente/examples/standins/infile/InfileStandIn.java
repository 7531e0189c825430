package io.github.camelrecurrente.examples.standins.infile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Element;

/**
 * STAND-IN for INFILE's certifier (FEEL), on a loopback JDK {@link HttpServer}. Not a certifier: it signs nothing
 * and talks to no tax authority. It answers as INFILE does (facts and choices in {@code docs/fel.md}):
 * <ul>
 * <li>{@code POST /fel/procesounificado/transaccion/v2/xml} (certify a GTDocumento, cancel with a
 * GTAnulacionDocumento): headers {@code UsuarioFirma}, {@code LlaveFirma}, {@code UsuarioApi}, {@code LlaveApi}
 * (missing or wrong: HTTP 401, our choice) and {@code identificador}; SAT's rules are checked on the XML
 * ({@link SatRules}) and failures answered HTTP 200 {@code resultado: false} with {@code descripcion_errores}; a
 * repeated identificador is answered "Documento enviado previamente." with the original uuid, serie and numero;</li>
 * <li>{@code POST /fel/consulta/dte/v2/identificador_unico}: the look-up (headers {@code usuario}, {@code llave} =
 * UsuarioApi, LlaveApi), answered 202;</li>
 * <li>{@code GET /ingfacereport/ingfacereport_documento?uuid=}: a PDF of the document (this server is also the
 * {@code fel.infile.report-url}).</li>
 * </ul>
 * Serie and numero are derived from the UUID as SAT does (FEL_RCP366/367), or serie "Pruebas" in test mode
 * ({@link Builder#testMode(boolean)}). For tests and the demo: injectable latency, outages (503), lost answers (the
 * request is processed, then the connection is closed without an answer), and counts per identificador.
 * <p>
 * Set {@code sun.net.httpserver.nodelay=true} before starting (else about 44 ms per answer).
 */
public final class InfileStandIn implements AutoCloseable {

    public static final String TRANSACTION_PATH = "/fel/procesounificado/transaccion/v2/xml";
    public static final String LOOKUP_PATH = "/fel/consulta/dte/v2/identificador_unico";
    public static final String REPORT_PATH = "/ingfacereport/ingfacereport_documento";
    /** INFILE's NIT, written as the certifier of the documents. */
    public static final String CERTIFIER_NIT = "12521337";
    /** The serie INFILE's test mode ("implementación") answers. */
    public static final String TEST_MODE_SERIE = "Pruebas";
    /** INFILE's text for a repeated identificador. */
    public static final String REPEAT_TEXT = "Documento enviado previamente.";

    /** Waits for the injected latency; the default sleeps. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CERTIFIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    /** The unified endpoint's credential headers, each named as the credential it carries. */
    private static final List<String> CERTIFIER_HEADERS =
            List.of("UsuarioFirma", "LlaveFirma", "UsuarioApi", "LlaveApi");
    /** The look-up's credential headers ({@link #LOOKUP_CREDENTIALS}: the credential each carries). */
    private static final List<String> LOOKUP_HEADERS = List.of("usuario", "llave");

    private static final Map<String, String> LOOKUP_CREDENTIALS = Map.of("usuario", "UsuarioApi", "llave", "LlaveApi");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> credentials;
    private final boolean testMode;
    private final boolean repeatResultado;
    private final Clock clock;
    private final Sleeper sleeper;
    private final SatRules rules;

    private final Object lock = new Object();
    private final Map<String, StandInDocument> byIdentificador = new HashMap<>();
    private final Map<String, StandInDocument> byUuid = new HashMap<>();
    private final Set<String> cancelled = new HashSet<>();
    private final Set<String> creditedByNote = new HashSet<>();

    private final Map<String, AtomicInteger> certificationRequests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookUpRequests = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final AtomicInteger lookUpsToFail = new AtomicInteger();
    private final AtomicInteger outageAnswers = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean available = true;

    private InfileStandIn(Builder b, HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.credentials = Map.of(
                "UsuarioFirma", b.usuarioFirma,
                "LlaveFirma", b.llaveFirma,
                "UsuarioApi", b.usuarioApi,
                "LlaveApi", b.llaveApi);
        this.testMode = b.testMode;
        this.repeatResultado = b.repeatResultado;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.rules = new SatRules(Map.of("USD", b.gtqPerUsd), b.clock);
    }

    /** @return a builder with generated credentials, production mode, the system clock, no latency */
    public static Builder builder() {
        return new Builder();
    }

    /** How the stand-in starts. */
    public static final class Builder {
        private int port;
        private String usuarioFirma = "STANDIN";
        private String llaveFirma = random();
        private String usuarioApi = "STANDIN";
        private String llaveApi = random();
        private boolean testMode;
        private boolean repeatResultado;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        private BigDecimal gtqPerUsd = new BigDecimal("7.80");

        private Builder() {}

        /** The port on 127.0.0.1 (0, the default, is a free port). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The credentials it accepts (default: user {@code STANDIN} and random keys). */
        public Builder credentials(String usuarioFirma, String llaveFirma, String usuarioApi, String llaveApi) {
            this.usuarioFirma = usuarioFirma;
            this.llaveFirma = llaveFirma;
            this.usuarioApi = usuarioApi;
            this.llaveApi = llaveApi;
            return this;
        }

        /** INFILE's test mode ("implementación"): serie "Pruebas" (default false: serie as SAT derives it). */
        public Builder testMode(boolean testMode) {
            this.testMode = testMode;
            return this;
        }

        /** The {@code resultado} of the repeat answer (default false, with the message in descripcion_errores). */
        public Builder repeatAnswerResultado(boolean resultado) {
            this.repeatResultado = resultado;
            return this;
        }

        /** The certification clock (default the system's). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How the injected latency is waited (default: sleep). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** The rate the CF rule converts USD with (default 7.80, standing in for Banguat's rate of the day). */
        public Builder gtqPerUsd(BigDecimal rate) {
            this.gtqPerUsd = rate;
            return this;
        }

        public InfileStandIn start() {
            try {
                HttpServer server =
                        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
                ExecutorService executor = Executors.newFixedThreadPool(64, r -> {
                    Thread t = new Thread(r, "infile-stand-in");
                    t.setDaemon(true);
                    return t;
                });
                InfileStandIn standIn = new InfileStandIn(this, server, executor);
                server.createContext(
                        TRANSACTION_PATH, standIn.postEndpoint(CERTIFIER_HEADERS, null, standIn::transaction));
                server.createContext(
                        LOOKUP_PATH, standIn.postEndpoint(LOOKUP_HEADERS, LOOKUP_CREDENTIALS, standIn::lookUp));
                server.createContext(REPORT_PATH, standIn::report);
                server.setExecutor(executor);
                server.start();
                return standIn;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the INFILE stand-in", e);
            }
        }

        private static String random() {
            return UUID.randomUUID().toString().replace("-", "").toUpperCase();
        }
    }

    /** @return {@code http://127.0.0.1:<port>}: use it as {@code fel.infile.url} and {@code fel.infile.report-url} */
    public String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * @return the {@code fel.infile.*} properties that point a client at this stand-in (its URL as both the
     *     certifier's and the report's, and the credentials it accepts)
     */
    public Map<String, String> clientProperties() {
        return Map.of(
                "fel.infile.url", rootUrl(),
                "fel.infile.report-url", rootUrl(),
                "fel.infile.usuario-firma", usuarioFirma(),
                "fel.infile.llave-firma", llaveFirma(),
                "fel.infile.usuario-api", usuarioApi(),
                "fel.infile.llave-api", llaveApi());
    }

    /** @return the accepted {@code UsuarioFirma} */
    public String usuarioFirma() {
        return credentials.get("UsuarioFirma");
    }

    /** @return the accepted {@code LlaveFirma} */
    public String llaveFirma() {
        return credentials.get("LlaveFirma");
    }

    /** @return the accepted {@code UsuarioApi} */
    public String usuarioApi() {
        return credentials.get("UsuarioApi");
    }

    /** @return the accepted {@code LlaveApi} */
    public String llaveApi() {
        return credentials.get("LlaveApi");
    }

    /** Every request waits this long before it is processed (0 by default). */
    public void setLatency(Duration latency) {
        this.latency = latency == null ? Duration.ZERO : latency;
    }

    /** The next {@code count} requests (any path but the report) are answered 503 (an outage). */
    public void failNextRequests(int count) {
        failuresToInject.set(count);
    }

    /** Switches the whole service down (503) or up. */
    public void setAvailable(boolean up) {
        this.available = up;
    }

    /**
     * The next {@code count} certification or anulación requests are processed (certified when valid), then the
     * connection is closed without an answer.
     */
    public void loseNextAnswers(int count) {
        answersToLose.set(count);
    }

    /**
     * The next {@code count} look-ups are answered 503 (an outage of the look-up only): with
     * {@link #loseNextAnswers(int)}, a lost answer whose look-up fails too, so the next try finds it in doubt.
     */
    public void failNextLookUps(int count) {
        lookUpsToFail.set(count);
    }

    /** @return the requests for this identificador that reached processing at the unified endpoint */
    public int certificationRequests(String identificador) {
        AtomicInteger n = certificationRequests.get(identificador);
        return n == null ? 0 : n.get();
    }

    /** @return the look-ups of this identificador */
    public int lookUpRequests(String identificador) {
        AtomicInteger n = lookUpRequests.get(identificador);
        return n == null ? 0 : n.get();
    }

    /** @return how many requests were answered 503 */
    public int outageAnswers() {
        return outageAnswers.get();
    }

    /** @return the documents certified (anulaciones included) */
    public int certifiedCount() {
        synchronized (lock) {
            return byIdentificador.size();
        }
    }

    /** @return the identificadores of the documents certified so far (a copy) */
    public java.util.Set<String> identificadores() {
        synchronized (lock) {
            return java.util.Set.copyOf(byIdentificador.keySet());
        }
    }

    /** @return the document certified for an identificador */
    public Optional<StandInDocument> document(String identificador) {
        synchronized (lock) {
            return Optional.ofNullable(byIdentificador.get(identificador));
        }
    }

    /** @return the FACT/NCRE with this UUID */
    public Optional<StandInDocument> documentByUuid(String uuid) {
        synchronized (lock) {
            return Optional.ofNullable(byUuid.get(uuid));
        }
    }

    /** @return true when the document with this UUID was cancelled */
    public boolean isCancelled(String uuid) {
        synchronized (lock) {
            return cancelled.contains(uuid);
        }
    }

    /** @return the most requests (any path but the report) that arrived within any window of this length */
    public int maxRequestsWithin(Duration window) {
        List<Long> times;
        synchronized (arrivals) {
            times = new ArrayList<>(arrivals);
        }
        Collections.sort(times);
        long w = window.toNanos();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= w) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    /** @return the most requests in progress at once, as seen by this server */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** What a POST endpoint does with a request its gate let through. */
    @FunctionalInterface
    private interface Admitted {
        void answer(HttpExchange ex) throws IOException;
    }

    /**
     * A POST endpoint behind INFILE's gate: anything but a POST is answered 405, an outage 503 (else the request waits
     * the injected latency), a missing or wrong credential 401; the requests in progress are counted and the exchange
     * is closed after the answer (or without one).
     *
     * @param headers the headers that carry the credentials, in the order a 401 names them
     * @param credentialOf the credential each header carries, by header; null when each is named as its credential
     */
    private HttpHandler postEndpoint(List<String> headers, Map<String, String> credentialOf, Admitted admitted) {
        return ex -> {
            enter();
            try {
                if (!"POST".equals(ex.getRequestMethod())) {
                    send(ex, 405, message("use POST"));
                    return;
                }
                if (outage(ex)) {
                    return;
                }
                String missing = checkHeaders(ex, headers, credentialOf);
                if (missing != null) {
                    send(ex, 401, message("Credenciales no válidas: " + missing));
                    return;
                }
                admitted.answer(ex);
            } finally {
                leave();
                ex.close();
            }
        };
    }

    private void transaction(HttpExchange ex) throws IOException {
        String id = header(ex, "identificador");
        byte[] body = ex.getRequestBody().readAllBytes();
        if (id.isEmpty()) {
            send(ex, 200, errors(List.of(new SatCheck("IDENTIFICADOR", "El identificador es requerido."))));
            return;
        }
        certificationRequests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        ObjectNode answer = process(id, body);
        if (answersToLose.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return; // processed; closing the exchange without an answer closes the connection
        }
        send(ex, 200, answer);
    }

    private ObjectNode process(String id, byte[] body) {
        ReceivedDocument d = ReceivedDocument.parse(body);
        synchronized (lock) {
            StandInDocument earlier = byIdentificador.get(id);
            if (earlier != null) {
                return repeat(earlier);
            }
            if (d == null) {
                return errors(List.of(new SatCheck("FEL_GEN102", "El XML enviado no cumple con el esquema del XSD.")));
            }
            switch (d.rootName()) {
                case "GTDocumento" -> {
                    List<SatCheck> failed = rules.checkDocument(d, byUuid::get);
                    return failed.isEmpty() ? certified(certifyDocument(id, d)) : errors(failed);
                }
                case "GTAnulacionDocumento" -> {
                    List<SatCheck> failed =
                            rules.checkAnulacion(d, byUuid::get, cancelled::contains, creditedByNote::contains);
                    return failed.isEmpty() ? certified(certifyAnulacion(id, d)) : errors(failed);
                }
                default -> {
                    return errors(List.of(new SatCheck(
                            "FEL_GEN102", "El XML enviado no es un GTDocumento ni un GTAnulacionDocumento.")));
                }
            }
        }
    }

    private StandInDocument certifyDocument(String id, ReceivedDocument d) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(SatRules.GUATEMALA);
        String uuid = UUID.randomUUID().toString().toUpperCase();
        String serie = testMode ? TEST_MODE_SERIE : serieOf(uuid);
        String numero = numeroOf(uuid);
        Element dte = d.first("DTE");
        Element certificacion = ReceivedDocument.insertAfter(dte, d.first("DatosEmision"), "Certificacion");
        ReceivedDocument.appendText(certificacion, "NITCertificador", CERTIFIER_NIT);
        ReceivedDocument.appendText(certificacion, "NombreCertificador", "INFILE, SOCIEDAD ANONIMA (STAND-IN)");
        Element autorizacion = ReceivedDocument.appendText(certificacion, "NumeroAutorizacion", uuid);
        autorizacion.setAttribute("Serie", serie);
        autorizacion.setAttribute("Numero", numero);
        ReceivedDocument.appendText(certificacion, "FechaHoraCertificacion", CERTIFIED_AT.format(now));
        Element generales = d.first("DatosGenerales");
        Element emisor = d.first("Emisor");
        String tipo = ReceivedDocument.attr(generales, "Tipo");
        BigDecimal iva = BigDecimal.ZERO;
        for (Element t : ReceivedDocument.all(d.first("Totales"), "TotalImpuesto")) {
            if ("IVA".equals(ReceivedDocument.attr(t, "NombreCorto"))) {
                iva = iva.add(ReceivedDocument.decimal(ReceivedDocument.attr(t, "TotalMontoImpuesto")));
            }
        }
        String referenced = null;
        Element ref = d.first("ReferenciasNota");
        if (ref != null) {
            referenced = ReceivedDocument.attr(ref, "NumeroAutorizacionDocumentoOrigen");
            creditedByNote.add(referenced);
        }
        StandInDocument doc = new StandInDocument(
                id,
                tipo,
                uuid,
                serie,
                numero,
                ReceivedDocument.attr(emisor, "NITEmisor"),
                Integer.parseInt(ReceivedDocument.attr(emisor, "CodigoEstablecimiento")),
                ReceivedDocument.attr(d.first("Receptor"), "IDReceptor"),
                ReceivedDocument.attr(generales, "CodigoMoneda"),
                SatRules.dateTime(ReceivedDocument.attr(generales, "FechaHoraEmision")),
                ReceivedDocument.decimal(d.first("Totales"), "GranTotal"),
                iva,
                referenced,
                d.serialise(),
                now);
        byIdentificador.put(id, doc);
        byUuid.put(uuid, doc);
        return doc;
    }

    private StandInDocument certifyAnulacion(String id, ReceivedDocument d) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(SatRules.GUATEMALA);
        Element generales = d.first("DatosGenerales");
        StandInDocument original = byUuid.get(ReceivedDocument.attr(generales, "NumeroDocumentoAAnular"));
        Element anulacion = d.first("AnulacionDTE");
        Element certificacion = ReceivedDocument.insertAfter(anulacion, generales, "Certificacion");
        ReceivedDocument.appendText(certificacion, "NITCertificador", CERTIFIER_NIT);
        ReceivedDocument.appendText(certificacion, "NombreCertificador", "INFILE, SOCIEDAD ANONIMA (STAND-IN)");
        ReceivedDocument.appendText(certificacion, "FechaHoraCertificacion", CERTIFIED_AT.format(now));
        cancelled.add(original.uuid());
        StandInDocument doc = new StandInDocument(
                id,
                "ANULACION",
                original.uuid(),
                original.serie(),
                original.numero(),
                original.nitEmisor(),
                0,
                original.receptor(),
                null,
                SatRules.dateTime(ReceivedDocument.attr(generales, "FechaHoraAnulacion")),
                null,
                null,
                original.uuid(),
                d.serialise(),
                now);
        byIdentificador.put(id, doc);
        return doc;
    }

    private void lookUp(HttpExchange ex) throws IOException {
        if (lookUpsToFail.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            outageAnswers.incrementAndGet();
            send(ex, 503, message("Servicio no disponible (stand-in: consulta interrumpida)"));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ex.getRequestBody());
        } catch (IOException e) {
            send(ex, 400, message("El cuerpo no es JSON."));
            return;
        }
        String id = body.path("identificador_unico_dte").asText(header(ex, "identificador"));
        lookUpRequests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        StandInDocument doc;
        synchronized (lock) {
            doc = byIdentificador.get(id);
        }
        boolean found = doc != null && matches(doc, body);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("resultado", found);
        if (!found) {
            answer.put("descripcion", "No existe un documento certificado con ese identificador.");
        }
        putDocument(answer, found ? doc : null);
        send(ex, 202, answer);
    }

    private static boolean matches(StandInDocument doc, JsonNode body) {
        if ("ANULACION".equals(doc.tipo()) || doc.emittedAt() == null) {
            return false;
        }
        OffsetDateTime day = doc.emittedAt().withOffsetSameInstant(SatRules.GUATEMALA);
        return doc.nitEmisor().equals(body.path("nit_emisor").asText())
                && "CERTIFICACION".equals(body.path("tipo_operacion").asText())
                && doc.tipo().equals(body.path("tipo_documento").asText())
                && Integer.toString(doc.establecimiento())
                        .equals(body.path("codigo_establecimiento").asText())
                && day.getYear() == body.path("anio_documento").asInt(-1)
                && day.getMonthValue() == body.path("mes_documento").asInt(-1)
                && day.getDayOfMonth() == body.path("dia_documento").asInt(-1);
    }

    private void report(HttpExchange ex) throws IOException {
        try (ex) {
            String query = ex.getRequestURI().getRawQuery();
            String uuid = query != null && query.startsWith("uuid=")
                    ? URLDecoder.decode(query.substring(5), StandardCharsets.UTF_8)
                    : "";
            StandInDocument doc;
            boolean isCancelled;
            synchronized (lock) {
                doc = byUuid.get(uuid);
                isCancelled = cancelled.contains(uuid);
            }
            if (doc == null) {
                send(ex, 404, message("No existe el documento " + uuid));
                return;
            }
            List<String> lines = new ArrayList<>(List.of(
                    ("NCRE".equals(doc.tipo()) ? "NOTA DE CREDITO" : "FACTURA") + " ELECTRONICA - STAND-IN, NOT A TAX"
                            + " DOCUMENT",
                    "Serie: " + doc.serie() + "   Numero: " + doc.numero(),
                    "Numero de autorizacion: " + doc.uuid(),
                    "NIT emisor: " + doc.nitEmisor() + "   Receptor: " + doc.receptor(),
                    "Total: " + doc.currency() + " " + doc.granTotal().toPlainString(),
                    "Certificado: " + CERTIFIED_AT.format(doc.certifiedAt()) + " por NIT " + CERTIFIER_NIT));
            if (isCancelled) {
                lines.add("ANULADO");
            }
            byte[] pdf = StandInPdf.of(lines);
            ex.getResponseHeaders().set("Content-Type", "application/pdf");
            ex.sendResponseHeaders(200, pdf.length);
            ex.getResponseBody().write(pdf);
        }
    }

    private boolean outage(HttpExchange ex) throws IOException {
        arrivals.add(System.nanoTime());
        if (!available || failuresToInject.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            outageAnswers.incrementAndGet();
            send(ex, 503, message("Servicio no disponible (stand-in: interrupción simulada)"));
            return true;
        }
        Duration wait = latency;
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    /** @return null when every header is there with the right value, else the names missing or wrong */
    private String checkHeaders(HttpExchange ex, List<String> names, Map<String, String> credentialOf) {
        List<String> bad = new ArrayList<>();
        for (String name : names) {
            String expected = credentials.get(credentialOf == null ? name : credentialOf.get(name));
            if (!expected.equals(header(ex, name))) {
                bad.add(name);
            }
        }
        return bad.isEmpty() ? null : String.join(", ", bad);
    }

    private static String header(HttpExchange ex, String name) {
        String v = ex.getRequestHeaders().getFirst(name);
        return v == null ? "" : v.strip();
    }

    private void enter() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    private void leave() {
        inFlight.decrementAndGet();
    }

    private ObjectNode certified(StandInDocument doc) {
        String xml = Base64.getEncoder().encodeToString(doc.certifiedXml().getBytes(StandardCharsets.UTF_8));
        return answer(true, "Documento certificado (stand-in).", List.of(), doc, xml);
    }

    private ObjectNode repeat(StandInDocument doc) {
        List<ObjectNode> errors = repeatResultado
                ? List.of()
                : List.of(error("INFILE", "Identificador", "", "identificador", REPEAT_TEXT));
        return answer(repeatResultado, REPEAT_TEXT, errors, doc, "");
    }

    private ObjectNode errors(List<SatCheck> failed) {
        List<ObjectNode> errors = failed.stream()
                .map(c -> error(
                        c.code().startsWith("FEL_") ? "SAT" : "INFILE",
                        "Validaciones",
                        c.code(),
                        c.code(),
                        c.message()))
                .toList();
        return answer(false, "Se encontraron errores en el documento.", errors, null, "");
    }

    /**
     * The unified endpoint's answer.
     *
     * @param errors the entries of {@code descripcion_errores}
     * @param doc the document it names, null for none
     * @param xml {@code xml_certificado}: Base64 of the certified XML, or empty
     */
    private ObjectNode answer(
            boolean resultado, String descripcion, List<ObjectNode> errors, StandInDocument doc, String xml) {
        ObjectNode n = base(resultado, descripcion);
        n.put("cantidad_errores", errors.size());
        n.putArray("descripcion_errores").addAll(errors);
        putDocument(n, doc);
        n.put("xml_certificado", xml);
        return n;
    }

    /** An entry of {@code descripcion_errores}. */
    private static ObjectNode error(
            String fuente, String categoria, String numeral, String validacion, String mensaje) {
        return JSON.createObjectNode()
                .put("resultado", false)
                .put("fuente", fuente)
                .put("categoria", categoria)
                .put("numeral", numeral)
                .put("validacion", validacion)
                .put("mensaje_error", mensaje);
    }

    /** The {@code uuid}, {@code serie} and {@code numero} an answer names: the document's, or empty for none. */
    private static void putDocument(ObjectNode answer, StandInDocument doc) {
        answer.put("uuid", doc == null ? "" : doc.uuid());
        answer.put("serie", doc == null ? "" : doc.serie());
        answer.put("numero", doc == null ? "" : doc.numero());
    }

    private ObjectNode base(boolean resultado, String descripcion) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resultado", resultado);
        n.put("fecha", CERTIFIED_AT.format(OffsetDateTime.now(clock).withOffsetSameInstant(SatRules.GUATEMALA)));
        n.put("origen", "Certificador INFILE (stand-in)");
        n.put("descripcion", descripcion);
        ObjectNode control = n.putObject("control_emision");
        control.put("Saldo", 0);
        control.put("Creditos", 0);
        n.put("alertas_infile", false);
        n.putArray("descripcion_alertas_infile");
        n.put("alertas_sat", false);
        n.putArray("descripcion_alertas_sat");
        n.put("informacion_adicional", "");
        return n;
    }

    private static ObjectNode message(String text) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resultado", false);
        n.put("descripcion", text);
        return n;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** @return the serie SAT derives from a UUID: its first 8 hex characters (FEL_RCP366) */
    static String serieOf(String uuid) {
        return uuid.substring(0, 8);
    }

    /** @return the número SAT derives: hex characters 9 to 16, hyphens left out, in decimal (FEL_RCP367) */
    static String numeroOf(String uuid) {
        return Long.toString(Long.parseLong(uuid.replace("-", "").substring(8, 16), 16));
    }
}
