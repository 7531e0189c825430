package io.github.camelrecurrente.examples.standins.infile;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The INFILE stand-in over raw HTTP: paths, headers, answers, SAT's rules, repeats, look-up, PDF, faults. */
class InfileStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 10:00 in Guatemala on 2025-06-10. */
    private static final Instant NOW = Instant.parse("2025-06-10T16:00:00Z");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private InfileStandIn standIn;

    @BeforeEach
    void start() {
        standIn = start(b -> {});
    }

    private InfileStandIn start(Consumer<InfileStandIn.Builder> options) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        InfileStandIn.Builder b = InfileStandIn.builder()
                .credentials("UF", "LF-secret", "UA", "LA-secret")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .sleeper(waits::add);
        options.accept(b);
        return b.start();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aValidDocumentIsCertifiedWithSerieAndNumeroAsSatDerivesThem() throws Exception {
        JsonNode a = certify("id-1", new TestDte().xml());
        assertTrue(a.path("resultado").asBoolean(), a.toString());
        String uuid = a.path("uuid").asText();
        assertTrue(uuid.matches("[0-9A-F]{8}-([0-9A-F]{4}-){3}[0-9A-F]{12}"), uuid);
        assertEquals(uuid.substring(0, 8), a.path("serie").asText());
        assertEquals(
                Long.toString(Long.parseLong(uuid.replace("-", "").substring(8, 16), 16)),
                a.path("numero").asText());
        for (String field : List.of(
                "fecha",
                "origen",
                "descripcion",
                "control_emision",
                "alertas_infile",
                "descripcion_alertas_infile",
                "alertas_sat",
                "descripcion_alertas_sat",
                "cantidad_errores",
                "descripcion_errores",
                "informacion_adicional",
                "uuid",
                "serie",
                "numero",
                "xml_certificado")) {
            assertTrue(a.has(field), "answer has " + field);
        }
        assertEquals(0, a.path("cantidad_errores").asInt());
        String certified =
                new String(Base64.getDecoder().decode(a.path("xml_certificado").asText()), StandardCharsets.UTF_8);
        assertTrue(certified.contains(">" + uuid + "</dte:NumeroAutorizacion>"), certified);
        assertTrue(certified.contains("Serie=\"" + a.path("serie").asText() + "\""), certified);
        assertTrue(certified.contains("<dte:NITCertificador>12521337</dte:NITCertificador>"), certified);
        assertTrue(certified.indexOf("</dte:DatosEmision>") < certified.indexOf("<dte:Certificacion>"), certified);
        assertEquals(1, standIn.certificationRequests("id-1"));
        StandInDocument doc = standIn.document("id-1").orElseThrow();
        assertEquals(new BigDecimal("200.00"), doc.granTotal());
        assertEquals(new BigDecimal("21.43"), doc.ivaTotal());
    }

    @Test
    void serieAndNumeroOfTheReferenceUuid() {
        assertEquals("D412A347", InfileStandIn.serieOf("D412A347-9720-44C0-A9CC-FDE068F0A2E7"));
        assertEquals("2535474368", InfileStandIn.numeroOf("D412A347-9720-44C0-A9CC-FDE068F0A2E7"));
    }

    @Test
    void testModeAnswersSeriePruebas() throws Exception {
        standIn.close();
        standIn = start(b -> b.testMode(true));
        JsonNode a = certify("id-t", new TestDte().xml());
        assertEquals("Pruebas", a.path("serie").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UsuarioFirma", "LlaveFirma", "UsuarioApi", "LlaveApi"})
    void aMissingOrWrongCredentialIsRefused(String header) throws Exception {
        for (String value : new String[] {null, "wrong"}) {
            HttpResponse<String> r =
                    post(InfileStandIn.TRANSACTION_PATH, new TestDte().xml(), headers(header, value, "id-c"));
            assertEquals(401, r.statusCode(), header + "=" + value);
            assertTrue(r.body().contains(header), r.body());
            assertFalse(r.body().contains("secret"), r.body());
        }
        assertEquals(0, standIn.certificationRequests("id-c"));
    }

    @Test
    void theLookUpWantsTheApiCredentials() throws Exception {
        HttpResponse<String> r = post(
                InfileStandIn.LOOKUP_PATH, "{}", Map.of("usuario", "UA", "llave", "LF-secret", "identificador", "x"));
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("llave"), r.body());
    }

    @Test
    void onlyPost() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(standIn.rootUrl() + InfileStandIn.TRANSACTION_PATH))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
    }

    @Test
    void satsArithmeticIsCheckedWithItsCodes() throws Exception {
        assertRejected(d -> d.items.get(0)[2] = "199.98", "FEL_RCP313", "FEL_RCP226", "FEL_RCP348");
        assertRejected(d -> d.items.get(0)[3] = "200.01", "FEL_RCP314", "FEL_RCP226", "FEL_RCP348");
        assertRejected(d -> d.items.get(0)[4] = "178.55", "FEL_RCP226");
        assertRejected(d -> d.items.get(0)[5] = "21.45", "FEL_RCP331", "FEL_RCP332");
        assertRejected(d -> d.items.get(0)[6] = "200.02", "FEL_RCP348", "FEL_RCP349");
        assertRejected(d -> d.totalIva = "21.45", "FEL_RCP332");
        assertRejected(d -> d.granTotal = "200.02", "FEL_RCP349");
        // within 0.01 is accepted
        TestDte near = new TestDte();
        near.items.get(0)[4] = "178.58"; // 200 / 1.12 = 178.5714...
        assertTrue(certify("id-near", near.xml()).path("resultado").asBoolean());
    }

    @Test
    void cfFromQ2500IsRefusedInQuetzalesAndInDollarsAtTheDaysRate() throws Exception {
        assertTrue(certify(
                        "cf-1",
                        new TestDte().amount("2499.99", "2232.13", "267.86").xml())
                .path("resultado")
                .asBoolean());
        assertRejected(d -> d.amount("2500.00", "2232.14", "267.86"), "FEL_RCP535");
        TestDte nit = new TestDte().amount("2500.00", "2232.14", "267.86");
        nit.receptor = "12521337";
        assertTrue(certify("cf-nit", nit.xml()).path("resultado").asBoolean());
        // USD 320.00 at 7.80 is Q2,496.00 (accepted); USD 320.52 is Q2,500.06 (refused)
        TestDte usd = new TestDte().amount("320.00", "285.71", "34.29");
        usd.moneda = "USD";
        assertTrue(certify("cf-usd", usd.xml()).path("resultado").asBoolean());
        assertRejected(
                d -> {
                    d.amount("320.52", "286.18", "34.34");
                    d.moneda = "USD";
                },
                "FEL_RCP535");
    }

    @Test
    void receptorAndEmissionRules() throws Exception {
        assertRejected(d -> d.receptor = "12521330", "FEL_RCP309");
        assertRejected(d -> d.nitEmisor = "12345670", "FEL_RCP302");
        assertRejected(
                d -> {
                    d.receptor = "12AB";
                    d.tipoEspecial = "CUI";
                },
                "FEL_RCP307");
        TestDte cui = new TestDte();
        cui.receptor = "2345678901234";
        cui.tipoEspecial = "CUI";
        assertTrue(certify("cui", cui.xml()).path("resultado").asBoolean());
        assertRejected(d -> d.emision = "2025-06-04T09:59:00-06:00", "FEL_INF300");
        assertRejected(d -> d.emision = "2025-07-01T00:00:00-06:00", "FEL_RCP301");
        TestDte noZone = new TestDte();
        noZone.emision = "2025-06-05T10:30:00"; // read as Guatemala's time: 4 days 23.5 hours before
        assertTrue(certify("nozone", noZone.xml()).path("resultado").asBoolean());
    }

    @Test
    void notXmlIsRefused() throws Exception {
        JsonNode a = certify("bad-xml", "<dte:GTDocumento");
        assertFalse(a.path("resultado").asBoolean());
        assertEquals(
                "FEL_GEN102",
                a.path("descripcion_errores").get(0).path("validacion").asText());
    }

    @Test
    void aRepeatedIdentificadorIsAnsweredWithTheOriginal() throws Exception {
        JsonNode first = certify("id-r", new TestDte().xml());
        JsonNode again =
                certify("id-r", new TestDte().amount("1.00", "0.89", "0.11").xml());
        assertFalse(again.path("resultado").asBoolean());
        assertEquals("Documento enviado previamente.", again.path("descripcion").asText());
        assertEquals(
                "Documento enviado previamente.",
                again.path("descripcion_errores").get(0).path("mensaje_error").asText());
        assertEquals(first.path("uuid").asText(), again.path("uuid").asText());
        assertEquals(first.path("serie").asText(), again.path("serie").asText());
        assertEquals(first.path("numero").asText(), again.path("numero").asText());
        assertEquals(2, standIn.certificationRequests("id-r"));
        assertEquals(1, standIn.certifiedCount());
    }

    @Test
    void aRejectedIdentificadorCanBeSentAgain() throws Exception {
        TestDte bad = new TestDte();
        bad.granTotal = "1.00";
        assertFalse(certify("id-again", bad.xml()).path("resultado").asBoolean());
        assertTrue(certify("id-again", new TestDte().xml()).path("resultado").asBoolean());
    }

    @Test
    void theLookUpFindsACertifiedDocumentByIdentificadorEmitterTypeAndDay() throws Exception {
        JsonNode c = certify("id-l", new TestDte().xml());
        HttpResponse<String> found = lookUp("id-l", "12345679", "FACT", "2", 2025, 6, 10);
        assertEquals(202, found.statusCode());
        JsonNode f = JSON.readTree(found.body());
        assertTrue(f.path("resultado").asBoolean(), found.body());
        assertEquals(c.path("uuid").asText(), f.path("uuid").asText());
        assertEquals(c.path("serie").asText(), f.path("serie").asText());
        assertEquals(c.path("numero").asText(), f.path("numero").asText());
        assertFalse(JSON.readTree(
                        lookUp("id-l", "12345679", "FACT", "2", 2025, 6, 11).body())
                .path("resultado")
                .asBoolean());
        assertFalse(JSON.readTree(
                        lookUp("id-l", "12345679", "NCRE", "2", 2025, 6, 10).body())
                .path("resultado")
                .asBoolean());
        assertFalse(JSON.readTree(
                        lookUp("id-x", "12345679", "FACT", "2", 2025, 6, 10).body())
                .path("resultado")
                .asBoolean());
        assertEquals(3, standIn.lookUpRequests("id-l"));
        assertEquals(1, standIn.lookUpRequests("id-x"));
    }

    @Test
    void thePdfOfACertifiedDocument() throws Exception {
        String uuid = certify("id-p", new TestDte().xml()).path("uuid").asText();
        HttpResponse<byte[]> pdf = http.send(
                HttpRequest.newBuilder(URI.create(standIn.rootUrl() + InfileStandIn.REPORT_PATH + "?uuid=" + uuid))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text = new String(pdf.body(), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-1.4") && text.endsWith("%%EOF\n"), text);
        assertTrue(text.contains("(Numero de autorizacion: " + uuid + ")"), text);
        int xref = Integer.parseInt(text.substring(text.indexOf("startxref\n") + 10, text.indexOf("\n%%EOF")));
        assertTrue(text.startsWith("xref", xref), "startxref points at the xref table");
        HttpResponse<String> none = http.send(
                HttpRequest.newBuilder(URI.create(standIn.rootUrl() + InfileStandIn.REPORT_PATH + "?uuid=X"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, none.statusCode());
    }

    @Test
    void aLostAnswerIsProcessedAndTheConnectionClosedWithoutAnAnswer() throws Exception {
        standIn.loseNextAnswers(1);
        assertThrows(
                IOException.class,
                () -> post(InfileStandIn.TRANSACTION_PATH, new TestDte().xml(), headers(null, null, "id-lost")));
        assertTrue(standIn.document("id-lost").isPresent());
        assertEquals(1, standIn.certificationRequests("id-lost"));
        // the next one is answered
        assertTrue(certify("id-next", new TestDte().xml()).path("resultado").asBoolean());
    }

    @Test
    void outagesAnswer503() throws Exception {
        standIn.failNextRequests(2);
        assertEquals(
                503,
                post(InfileStandIn.TRANSACTION_PATH, new TestDte().xml(), headers(null, null, "o1"))
                        .statusCode());
        assertEquals(503, lookUp("o1", "12345679", "FACT", "2", 2025, 6, 10).statusCode());
        assertEquals(
                200,
                post(InfileStandIn.TRANSACTION_PATH, new TestDte().xml(), headers(null, null, "o1"))
                        .statusCode());
        standIn.setAvailable(false);
        assertEquals(
                503,
                post(InfileStandIn.TRANSACTION_PATH, new TestDte().xml(), headers(null, null, "o2"))
                        .statusCode());
        standIn.setAvailable(true);
        assertEquals(3, standIn.outageAnswers());
        assertEquals(1, standIn.certifiedCount());
    }

    @Test
    void latencyIsWaitedBeforeEachRequest() throws Exception {
        standIn.setLatency(Duration.ofMillis(300));
        certify("lat-1", new TestDte().xml());
        lookUp("lat-1", "12345679", "FACT", "2", 2025, 6, 10);
        assertEquals(List.of(Duration.ofMillis(300), Duration.ofMillis(300)), waits);
        assertEquals(2, standIn.maxRequestsWithin(Duration.ofDays(1)));
        assertTrue(standIn.maxConcurrentRequests() >= 1);
    }

    @Test
    void creditNoteRules() throws Exception {
        JsonNode fact = certify("f-1", new TestDte().xml());
        String uuid = fact.path("uuid").asText();
        String serie = fact.path("serie").asText();
        String numero = fact.path("numero").asText();
        TestDte note = new TestDte().amount("50.00", "44.64", "5.36").noteFor(uuid, serie, numero, "2025-06-10");
        assertTrue(certify("n-1", note.xml()).path("resultado").asBoolean());
        assertEquals(uuid, standIn.document("n-1").orElseThrow().referencedUuid());

        assertRejected(
                d -> d.amount("50.00", "44.64", "5.36")
                        .noteFor("00000000-0000-0000-0000-000000000000", "00000000", "0", "2025-06-10"),
                "FEL_RCP351");
        assertRejected(
                d -> {
                    d.amount("50.00", "44.64", "5.36").noteFor(uuid, serie, numero, "2025-06-10");
                    d.receptor = "12521337";
                },
                "FEL_RCP355");
        assertRejected(
                d -> {
                    d.amount("50.00", "44.64", "5.36").noteFor(uuid, serie, numero, "2025-06-10");
                    d.moneda = "USD";
                },
                "FEL_RCP383");
        assertRejected(
                d -> d.amount("50.00", "44.64", "5.36").noteFor(uuid, serie, numero, "2025-06-09"), "FEL_RCP358");
        assertRejected(
                d -> d.amount("200.01", "178.58", "21.43").noteFor(uuid, serie, numero, "2025-06-10"), "FEL_RCP350");
        TestDte noReference = new TestDte();
        noReference.tipo = "NCRE";
        assertRejected(noReference, "FEL_RCP119");
    }

    @Test
    void anulacionRules() throws Exception {
        JsonNode fact = certify("f-a", new TestDte().xml());
        String uuid = fact.path("uuid").asText();
        String emitted = "2025-06-10T09:30:00-06:00";
        String at = "2025-06-10T09:55:00-06:00";
        assertEquals(
                "FEL_ANU368",
                firstCode(certify(
                        "a-0",
                        TestDte.anulacion("00000000-0000-0000-0000-000000000000", "12345679", "CF", emitted, at))));
        assertEquals("FEL_ANU369", firstCode(certify("a-1", TestDte.anulacion(uuid, "12521337", "CF", emitted, at))));
        assertEquals(
                "FEL_ANU371", firstCode(certify("a-2", TestDte.anulacion(uuid, "12345679", "12521337", emitted, at))));
        assertEquals(
                "FEL_ANU374",
                firstCode(certify("a-3", TestDte.anulacion(uuid, "12345679", "CF", "2025-06-10T09:31:00-06:00", at))));
        assertEquals(
                "FEL_ANU376",
                firstCode(certify(
                        "a-4", TestDte.anulacion(uuid, "12345679", "CF", emitted, "2025-06-10T09:00:00-06:00"))));
        JsonNode ok = certify("a-5", TestDte.anulacion(uuid, "12345679", "CF", emitted, at));
        assertTrue(ok.path("resultado").asBoolean(), ok.toString());
        assertEquals(uuid, ok.path("uuid").asText());
        assertTrue(standIn.isCancelled(uuid));
        assertEquals("FEL_ANU458", firstCode(certify("a-6", TestDte.anulacion(uuid, "12345679", "CF", emitted, at))));

        String credited = certify("f-b", new TestDte().xml()).path("uuid").asText();
        certify(
                "n-b",
                new TestDte()
                        .amount("10.00", "8.93", "1.07")
                        .noteFor(credited, credited.substring(0, 8), "1", "2025-06-10")
                        .xml());
        assertEquals("SAT_3.16", firstCode(certify("a-7", TestDte.anulacion(credited, "12345679", "CF", emitted, at))));
    }

    @Test
    void anulacionAfterTheIvaReturnIsRefused() throws Exception {
        standIn.close();
        Clock june = Clock.fixed(NOW, ZoneOffset.UTC);
        standIn = start(b -> b.clock(june));
        String uuid = certify("f-late", new TestDte().xml()).path("uuid").asText();
        standIn.close();
        // a new stand-in has no documents: check the deadline on the rule itself
        SatRules august = new SatRules(Map.of(), Clock.fixed(Instant.parse("2025-08-01T06:00:00Z"), ZoneOffset.UTC));
        SatRules july = new SatRules(Map.of(), Clock.fixed(Instant.parse("2025-08-01T05:59:00Z"), ZoneOffset.UTC));
        StandInDocument doc = new StandInDocument(
                "f-late",
                "FACT",
                uuid,
                "S",
                "1",
                "12345679",
                2,
                "CF",
                "GTQ",
                SatRules.dateTime("2025-06-10T09:30:00-06:00"),
                BigDecimal.TEN,
                BigDecimal.ONE,
                null,
                "",
                null);
        ReceivedDocument anul = ReceivedDocument.parse(
                TestDte.anulacion(uuid, "12345679", "CF", "2025-06-10T09:30:00-06:00", "2025-07-31T23:00:00-06:00")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of("FEL_ANU375"),
                august.checkAnulacion(anul, u -> doc, u -> false, u -> false).stream()
                        .map(SatCheck::code)
                        .toList());
        assertEquals(List.of(), july.checkAnulacion(anul, u -> doc, u -> false, u -> false));
        standIn = start(b -> {});
    }

    private void assertRejected(Consumer<TestDte> change, String... codes) throws Exception {
        TestDte d = new TestDte();
        change.accept(d);
        assertRejected(d, codes);
    }

    private void assertRejected(TestDte d, String... codes) throws Exception {
        JsonNode a = certify("rej-" + System.nanoTime(), d.xml());
        assertFalse(a.path("resultado").asBoolean(), a.toString());
        List<String> found = new ArrayList<>();
        a.path("descripcion_errores")
                .forEach(e -> found.add(e.path("validacion").asText()));
        assertEquals(List.of(codes), found, a.toString());
        assertEquals(codes.length, a.path("cantidad_errores").asInt());
        assertEquals("", a.path("uuid").asText());
    }

    private static String firstCode(JsonNode answer) {
        return answer.path("descripcion_errores").get(0).path("validacion").asText();
    }

    private JsonNode certify(String identificador, String xml) throws Exception {
        HttpResponse<String> r = post(InfileStandIn.TRANSACTION_PATH, xml, headers(null, null, identificador));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> lookUp(String id, String nit, String tipo, String establecimiento, int y, int m, int d)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "nit_emisor",
                nit,
                "tipo_operacion",
                "CERTIFICACION",
                "tipo_documento",
                tipo,
                "codigo_establecimiento",
                establecimiento,
                "identificador_unico_dte",
                id,
                "anio_documento",
                Integer.toString(y),
                "mes_documento",
                Integer.toString(m),
                "dia_documento",
                Integer.toString(d)));
        return post(
                InfileStandIn.LOOKUP_PATH, body, Map.of("usuario", "UA", "llave", "LA-secret", "identificador", id));
    }

    /** The five headers, with {@code changed} left out (null) or set to {@code value}. */
    private static Map<String, String> headers(String changed, String value, String identificador) {
        Map<String, String> h = new java.util.HashMap<>(Map.of(
                "UsuarioFirma",
                "UF",
                "LlaveFirma",
                "LF-secret",
                "UsuarioApi",
                "UA",
                "LlaveApi",
                "LA-secret",
                "identificador",
                identificador));
        if (changed != null) {
            if (value == null) {
                h.remove(changed);
            } else {
                h.put(changed, value);
            }
        }
        return h;
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(standIn.rootUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
