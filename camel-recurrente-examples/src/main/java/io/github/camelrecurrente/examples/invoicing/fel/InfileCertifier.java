package io.github.camelrecurrente.examples.invoicing.fel;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INFILE's certifier (FEEL) on the JDK's {@link HttpClient}.
 * <ul>
 * <li>Certify and cancel: {@code POST {fel.infile.url}/fel/procesounificado/transaccion/v2/xml}, body the unsigned
 * XML, headers {@code UsuarioFirma}, {@code LlaveFirma}, {@code UsuarioApi}, {@code LlaveApi} and
 * {@code identificador} (the document's {@link Identificador}).</li>
 * <li>Look-up: {@code POST {fel.infile.url}/fel/consulta/dte/v2/identificador_unico}, headers {@code usuario}
 * ({@code UsuarioApi}), {@code llave} ({@code LlaveApi}), {@code identificador}; JSON body; 202 with
 * {@code resultado}, {@code uuid}, {@code serie}, {@code numero}.</li>
 * </ul>
 * Answers: {@code resultado: true} with a uuid is certified; an answer saying "Documento enviado previamente." with a
 * uuid is the original document (whatever its {@code resultado}); {@code resultado: false} is a final
 * {@link FelRejection} carrying every {@code mensaje_error}; 401/403 a final {@link FelRejection} (credentials); other
 * 4xx a final {@link FelRejection}; 429, 5xx and transport errors a retryable {@link FelUnavailable}. When the answer
 * of a certification is lost (timeout, connection closed after the request was sent) the document is looked up by
 * identificador before anything is sent again. Every request passes the {@link RequestThrottle}.
 * <p>
 * The credentials are in headers only: never in a log line, an exception message or {@link #toString()}.
 */
public final class InfileCertifier implements Certifier {

    private static final Logger LOG = LoggerFactory.getLogger(InfileCertifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "INFILE";

    private final InfileSettings settings;
    private final HttpClient http;
    private final RequestThrottle throttle;

    /** A client with its own HTTP client and a throttle of the settings' caps. */
    public InfileCertifier(InfileSettings settings) {
        this(
                settings,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(settings.connectTimeout())
                        .build(),
                new RequestThrottle(
                        settings.requestsPerSecond(),
                        settings.concurrentRequests(),
                        settings.rateMargin().toNanos()));
    }

    public InfileCertifier(InfileSettings settings, HttpClient http, RequestThrottle throttle) {
        this.settings = settings;
        this.http = http;
        this.throttle = throttle;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the throttle every request passes (for metrics: permits in use, threads waiting) */
    public RequestThrottle throttle() {
        return throttle;
    }

    @Override
    public CertifiedDocument certify(FelDocument document) {
        if (document.kind() == DocumentKind.ANULACION) {
            throw new IllegalArgumentException("an anulación is sent with cancel(), not certify()");
        }
        return transact(document);
    }

    @Override
    public CertifiedDocument cancel(FelDocument anulacion) {
        if (anulacion.kind() != DocumentKind.ANULACION) {
            throw new IllegalArgumentException("cancel() sends an anulación, got " + anulacion.kind());
        }
        return transact(anulacion);
    }

    @Override
    public Optional<CertifiedDocument> lookUp(FelDocument document) {
        if (document.kind() == DocumentKind.ANULACION) {
            // Our choice: the look-up is documented for CERTIFICACION only; an anulación is sent again instead (its
            // identificador makes INFILE answer a repeat with the original).
            return Optional.empty();
        }
        String id = document.identificador();
        HttpRequest request = HttpRequest.newBuilder(settings.lookUpUri())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("usuario", settings.credentials().usuarioApi())
                .header("llave", settings.credentials().llaveApi())
                .header("identificador", id)
                .POST(HttpRequest.BodyPublishers.ofString(lookUpBody(document), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = send(request, id, "look-up");
        } catch (AnswerLost e) {
            throw new FelUnavailable(id, "the look-up's answer was lost: " + e.getMessage(), e.getCause());
        }
        int status = response.statusCode();
        LOG.debug("{} look-up {}: HTTP {}", NAME, id, status);
        if (status == 401 || status == 403) {
            throw FelRejection.credentialsRefused(NAME, id, status);
        }
        if (status < 200 || status > 299) {
            throw new FelUnavailable(id, "the look-up was answered HTTP " + status, null);
        }
        InfileAnswer answer = InfileAnswer.parse(response.body());
        if (answer == null) {
            throw new FelUnavailable(id, "the look-up's answer is not JSON: " + excerpt(response.body()), null);
        }
        if (!answer.resultado() || answer.uuid().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(certified(document, answer, CertifiedDocument.Origin.LOOKED_UP));
    }

    private CertifiedDocument transact(FelDocument document) {
        String id = document.identificador();
        InfileCredentials c = settings.credentials();
        HttpRequest request = HttpRequest.newBuilder(settings.transactionUri())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("UsuarioFirma", c.usuarioFirma())
                .header("LlaveFirma", c.llaveFirma())
                .header("UsuarioApi", c.usuarioApi())
                .header("LlaveApi", c.llaveApi())
                .header("identificador", id)
                .POST(HttpRequest.BodyPublishers.ofString(document.xml(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = send(request, id, document.kind() == DocumentKind.ANULACION ? "anulación" : "certification");
        } catch (AnswerLost lost) {
            return afterLostAnswer(document, lost);
        }
        int status = response.statusCode();
        LOG.debug("{} {} {}: HTTP {}", NAME, document.kind(), id, status);
        if (status == 401 || status == 403) {
            throw FelRejection.credentialsRefused(NAME, id, status);
        }
        if (status == 429 || status >= 500) {
            throw new FelUnavailable(id, NAME + " answered HTTP " + status, null);
        }
        if (status < 200 || status > 299) {
            throw FelRejection.requestRefused(NAME, id, status, excerpt(response.body()));
        }
        InfileAnswer answer = InfileAnswer.parse(response.body());
        if (answer == null) {
            throw new FelUnavailable(id, NAME + "'s answer is not JSON: " + excerpt(response.body()), null);
        }
        if (answer.isRepeat()) {
            LOG.info(
                    "{} had {} already (Documento enviado previamente): the original {} is taken",
                    NAME,
                    id,
                    answer.uuid());
            return certified(document, answer, CertifiedDocument.Origin.REPEATED);
        }
        if (!answer.resultado()) {
            FelRejection rejection = FelRejection.invalidDocument(NAME, id, answer.messages());
            LOG.warn("{} did not certify {}: {}", NAME, id, rejection.reason());
            throw rejection;
        }
        if (answer.uuid().isEmpty()) {
            throw new FelUnavailable(id, NAME + " answered resultado true without a uuid", null);
        }
        return certified(document, answer, CertifiedDocument.Origin.CERTIFIED);
    }

    private CertifiedDocument afterLostAnswer(FelDocument document, AnswerLost lost) {
        String id = document.identificador();
        if (document.kind() == DocumentKind.ANULACION) {
            LOG.warn(
                    "{} answer lost for anulación {} ({}): it will be sent again with the same identificador",
                    NAME,
                    id,
                    lost.getMessage());
            throw new FelUnavailable(
                    id,
                    "the anulación's answer was lost (" + lost.getMessage()
                            + "); the next try sends it again with the same identificador",
                    lost.getCause());
        }
        LOG.warn(
                "{} answer lost for {} ({}): looking it up by identificador before sending again",
                NAME,
                id,
                lost.getMessage());
        Optional<CertifiedDocument> found = lookUp(document);
        if (found.isPresent()) {
            LOG.info(
                    "{} look-up found {} certified as {}", NAME, id, found.get().uuid());
            return found.get();
        }
        throw new FelUnavailable(
                id,
                "the answer was lost (" + lost.getMessage() + ") and " + NAME
                        + " has no document with this identificador yet; the next try sends it again with the same"
                        + " identificador",
                lost.getCause());
    }

    private CertifiedDocument certified(FelDocument document, InfileAnswer answer, CertifiedDocument.Origin origin) {
        String uuid = answer.uuid();
        if (!SatAuthorization.isUuid(uuid)) {
            throw new FelUnavailable(
                    document.identificador(), NAME + " answered a uuid that is not a UUID: " + uuid, null);
        }
        String verification = document.kind() == DocumentKind.ANULACION
                ? null
                : SatAuthorization.verificationUrl(
                        uuid, document.emitterNit(), document.receptor().value(), document.grandTotal());
        return new CertifiedDocument(
                document,
                uuid,
                answer.serie(),
                answer.numero(),
                answer.fecha(),
                origin == CertifiedDocument.Origin.CERTIFIED ? answer.certifiedXml() : null,
                settings.pdfUrl(uuid),
                verification,
                origin,
                answer.alerts());
    }

    /** Sends through the throttle; a request that may have reached INFILE without an answer is {@link AnswerLost}. */
    private HttpResponse<String> send(HttpRequest request, String id, String what) throws AnswerLost {
        RequestThrottle.Permit permit;
        try {
            permit = throttle.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FelUnavailable(id, "interrupted before the " + what + " was sent", null);
        }
        try (permit) {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new FelUnavailable(
                    id, "cannot connect to " + request.uri().getHost() + " for the " + what + ": " + e, e);
        } catch (IOException e) {
            throw new AnswerLost(String.valueOf(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswerLost("interrupted while waiting for the answer", e);
        }
    }

    private String lookUpBody(FelDocument d) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("nit_emisor", d.emitterNit());
        body.put("tipo_operacion", "CERTIFICACION");
        body.put("tipo_documento", d.kind().name());
        body.put("codigo_establecimiento", Integer.toString(d.establishment()));
        body.put("identificador_unico_dte", d.identificador());
        body.put("anio_documento", Integer.toString(d.emittedAt().getYear()));
        body.put("mes_documento", Integer.toString(d.emittedAt().getMonthValue()));
        body.put("dia_documento", Integer.toString(d.emittedAt().getDayOfMonth()));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "(no body)";
        }
        String s = body.strip().replaceAll("\\s+", " ");
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    @Override
    public String toString() {
        return "InfileCertifier[" + settings.url() + ", " + throttle.perSecond() + "/s, " + throttle.maxConcurrent()
                + " at a time]";
    }

    /** The request may have reached INFILE and no answer came back. */
    private static final class AnswerLost extends Exception {
        private static final long serialVersionUID = 1L;

        AnswerLost(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
