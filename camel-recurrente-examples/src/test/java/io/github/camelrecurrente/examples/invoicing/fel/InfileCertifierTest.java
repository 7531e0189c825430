package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;
import io.github.camelrecurrente.examples.standins.infile.StandInDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static io.github.camelrecurrente.examples.invoicing.fel.StandInFixture.settings;
import static io.github.camelrecurrente.examples.invoicing.fel.StandInFixture.withXml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link InfileCertifier} against the INFILE stand-in on loopback: answers, repeats, lost answers, failures. */
class InfileCertifierTest {

    private final FelDocuments documents = FelTestData.documents(StandInFixture.NOW);
    private InfileStandIn standIn;
    private InfileCertifier certifier;

    @BeforeEach
    void start() {
        standIn = StandInFixture.standIn().start();
        certifier = new InfileCertifier(settings(standIn));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void certifiesAnInvoiceWithUuidSerieNumeroPdfAndSatsVerification() throws Exception {
        FelDocument doc = documents.invoice("pa_1", FelTestData.cfSale("100.00"), 0);
        CertifiedDocument c = certifier.certify(doc);
        StandInDocument stored = standIn.document("FACT-pa_1").orElseThrow();
        assertEquals(CertifiedDocument.Origin.CERTIFIED, c.origin());
        assertEquals(stored.uuid(), c.uuid());
        assertTrue(SatAuthorization.isUuid(c.uuid()), c.uuid());
        assertEquals(SatAuthorization.serie(c.uuid()), c.serie());
        assertEquals(SatAuthorization.numero(c.uuid()), c.numero());
        assertEquals(standIn.rootUrl() + "/ingfacereport/ingfacereport_documento?uuid=" + c.uuid(), c.pdfUrl());
        assertEquals(
                SatAuthorization.VERIFIER + "?tipo=autorizacion&numero=" + c.uuid()
                        + "&emisor=12345679&receptor=CF&monto=100.00",
                c.verificationUrl());
        assertNotNull(c.certifiedAt());
        Document certified = DteParsing.parse(c.certifiedXml());
        Element autorizacion = DteParsing.one(certified, "NumeroAutorizacion");
        assertEquals(c.uuid(), autorizacion.getTextContent());
        assertEquals(c.serie(), autorizacion.getAttribute("Serie"));
        assertEquals("100.00", DteParsing.one(certified, "GranTotal").getTextContent());
        assertEquals(1, standIn.certificationRequests("FACT-pa_1"));
        assertFalse(c.toString().contains("<"), c.toString());

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(c.pdfUrl())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void aRepeatedIdentificadorIsTheOriginalDocument() {
        FelDocument doc = documents.invoice("pa_2", FelTestData.cfSale("50.00"), 0);
        CertifiedDocument first = certifier.certify(doc);
        CertifiedDocument again = certifier.certify(doc);
        assertEquals(CertifiedDocument.Origin.REPEATED, again.origin());
        assertEquals(first.uuid(), again.uuid());
        assertEquals(first.serie(), again.serie());
        assertEquals(first.numero(), again.numero());
        assertNull(again.certifiedXml());
        assertEquals(2, standIn.certificationRequests("FACT-pa_2"));
        assertEquals(1, standIn.certifiedCount());
    }

    @Test
    void aRepeatAnsweredWithResultadoTrueIsTheOriginalToo() {
        standIn.close();
        standIn = StandInFixture.standIn().repeatAnswerResultado(true).start();
        certifier = new InfileCertifier(settings(standIn));
        FelDocument doc = documents.invoice("pa_3", FelTestData.cfSale("50.00"), 0);
        String uuid = certifier.certify(doc).uuid();
        CertifiedDocument again = certifier.certify(doc);
        assertEquals(CertifiedDocument.Origin.REPEATED, again.origin());
        assertEquals(uuid, again.uuid());
    }

    @Test
    void aLostAnswerIsLookedUpAndNotCertifiedTwice() {
        FelDocument doc = documents.invoice("pa_lost", FelTestData.cfSale("75.00"), 0);
        standIn.loseNextAnswers(1);
        CertifiedDocument c = certifier.certify(doc);
        assertEquals(CertifiedDocument.Origin.LOOKED_UP, c.origin());
        assertEquals(standIn.document("FACT-pa_lost").orElseThrow().uuid(), c.uuid());
        assertEquals(SatAuthorization.serie(c.uuid()), c.serie());
        assertEquals(1, standIn.certificationRequests("FACT-pa_lost"));
        assertEquals(1, standIn.lookUpRequests("FACT-pa_lost"));
        assertEquals(1, standIn.certifiedCount());
        assertEquals(standIn.rootUrl() + "/ingfacereport/ingfacereport_documento?uuid=" + c.uuid(), c.pdfUrl());
    }

    @Test
    void aLostAnswerOfADocumentNotCertifiedIsRetryableThenTheRejectionIsFinal() {
        FelDocument valid = documents.invoice("pa_bad", FelTestData.cfSale("100.00"), 0);
        FelDocument wrongTotal =
                withXml(valid, valid.xml().replace("<dte:GranTotal>100.00<", "<dte:GranTotal>101.00<"));
        standIn.loseNextAnswers(1);
        FelUnavailable lost = assertThrows(FelUnavailable.class, () -> certifier.certify(wrongTotal));
        assertTrue(lost.isRetryable());
        assertTrue(lost.reason().contains("no document with this identificador"), lost.reason());
        assertEquals(1, standIn.lookUpRequests("FACT-pa_bad"));
        FelRejection rejected = assertThrows(FelRejection.class, () -> certifier.certify(wrongTotal));
        assertFalse(rejected.isRetryable());
        assertEquals("FEL_RCP349", rejected.code());
        assertEquals(0, standIn.certifiedCount());
    }

    @Test
    void resultadoFalseIsFinalAndCarriesEveryMessage() {
        FelDocument valid = documents.invoice("pa_two", FelTestData.cfSale("100.00"), 0);
        String xml = valid.xml()
                .replace("<dte:Precio>100.00<", "<dte:Precio>90.00<")
                .replace(
                        "<dte:TotalImpuesto NombreCorto=\"IVA\" TotalMontoImpuesto=\"10.71\"",
                        "<dte:TotalImpuesto NombreCorto=\"IVA\" TotalMontoImpuesto=\"12.00\"");
        FelRejection r = assertThrows(FelRejection.class, () -> certifier.certify(withXml(valid, xml)));
        List<String> codes =
                r.messages().stream().map(CertifierMessage::validation).toList();
        assertTrue(codes.containsAll(List.of("FEL_RCP313", "FEL_RCP348", "FEL_RCP332")), codes.toString());
        assertTrue(
                r.messages().stream().anyMatch(m -> m.message().startsWith("Precio calculado incorrectamente")),
                r.messages().toString());
        assertTrue(r.reason().contains("Precio calculado incorrectamente"), r.reason());
        assertEquals("FACT-pa_two", r.identificador());
        assertFalse(r.isRetryable());
        assertTrue(r.operatorAction().contains("replay"), r.operatorAction());
    }

    @Test
    void cfFromQ2500SentRawIsRejectedWithSatsCode() {
        FelDocument valid = documents.invoice("pa_cf", FelTestData.cfSale("2400.00"), 0);
        String xml = valid.xml()
                .replace(">2400.00<", ">2600.00<")
                .replace(">2142.86<", ">2321.43<")
                .replace(">257.14<", ">278.57<")
                .replace("\"257.14\"", "\"278.57\"");
        FelRejection r = assertThrows(FelRejection.class, () -> certifier.certify(withXml(valid, xml)));
        assertEquals("FEL_RCP535", r.code(), r.messages().toString());
        assertEquals(1, r.messages().size(), r.messages().toString());
    }

    @Test
    void outagesAreRetryableAndNotLookedUp() {
        FelDocument doc = documents.invoice("pa_out", FelTestData.cfSale("10.00"), 0);
        standIn.failNextRequests(2);
        for (int i = 0; i < 2; i++) {
            FelUnavailable u = assertThrows(FelUnavailable.class, () -> certifier.certify(doc));
            assertTrue(u.reason().contains("HTTP 503"), u.reason());
            assertEquals(FelUnavailable.CODE, u.code());
        }
        assertEquals(CertifiedDocument.Origin.CERTIFIED, certifier.certify(doc).origin());
        assertEquals(0, standIn.lookUpRequests("FACT-pa_out"));
        assertEquals(2, standIn.outageAnswers());
    }

    @Test
    void noConnectionIsRetryable() {
        InfileSettings s = settings(standIn);
        standIn.close();
        InfileCertifier down = new InfileCertifier(s);
        FelUnavailable u = assertThrows(
                FelUnavailable.class, () -> down.certify(documents.invoice("pa_down", FelTestData.cfSale("10.00"), 0)));
        assertTrue(u.isRetryable());
        standIn = StandInFixture.standIn().start();
    }

    @Test
    void refusedCredentialsAreFinalAndNeverShown() {
        InfileCredentials wrong = new InfileCredentials("USR_FIRMA", "wrong-llave-firma", "USR_API", "wrong-llave-api");
        InfileCertifier bad = new InfileCertifier(settings(standIn, wrong));
        FelDocument doc = documents.invoice("pa_cred", FelTestData.cfSale("10.00"), 0);
        FelRejection r = assertThrows(FelRejection.class, () -> bad.certify(doc));
        assertEquals(FelRejection.CREDENTIALS_REFUSED, r.code());
        assertTrue(r.operatorAction().contains("fel.infile.llave-firma"), r.operatorAction());
        FelRejection lookUp = assertThrows(FelRejection.class, () -> bad.lookUp(doc));
        assertEquals(FelRejection.CREDENTIALS_REFUSED, lookUp.code());
        for (String text : List.of(r.getMessage(), r.toString(), lookUp.getMessage(), bad.toString())) {
            for (String secret :
                    List.of("wrong-llave-firma", "wrong-llave-api", standIn.llaveFirma(), standIn.llaveApi())) {
                assertFalse(text.contains(secret), text);
            }
        }
        assertEquals(0, standIn.certificationRequests("FACT-pa_cred"));
    }

    @Test
    void testModeAnswersSeriePruebas() {
        standIn.close();
        standIn = StandInFixture.standIn().testMode(true).start();
        certifier = new InfileCertifier(settings(standIn));
        CertifiedDocument c = certifier.certify(documents.invoice("pa_t", FelTestData.cfSale("10.00"), 0));
        assertEquals("Pruebas", c.serie());
        assertEquals(SatAuthorization.numero(c.uuid()), c.numero());
        // a credit note references the serie the certifier answered
        CertifiedDocument note = certifier.certify(documents.creditNote(
                "re_t", FelTestData.cfSale("4.00"), c.asOriginal(), BigDecimal.ZERO, "Reembolso", 0));
        assertEquals(CertifiedDocument.Origin.CERTIFIED, note.origin());
        assertTrue(
                note.document().xml().contains("SerieDocumentoOrigen=\"Pruebas\""),
                note.document().xml());
    }

    @Test
    void creditNoteAndAnulacionAreCertified() {
        CertifiedDocument invoice = certifier.certify(documents.invoice("pa_n", FelTestData.cfSale("300.00"), 0));
        CertifiedDocument partial = certifier.certify(documents.creditNote(
                "re_n1", FelTestData.cfSale("100.00"), invoice.asOriginal(), BigDecimal.ZERO, "Reembolso parcial", 0));
        assertEquals(
                invoice.uuid(), standIn.document("NCRE-re_n1").orElseThrow().referencedUuid());
        assertEquals(CertifiedDocument.Origin.CERTIFIED, partial.origin());
        assertTrue(partial.verificationUrl().contains("monto=100.00"), partial.verificationUrl());

        CertifiedDocument other = certifier.certify(documents.invoice("pa_a", FelTestData.cfSale("80.00"), 0));
        CertifiedDocument cancelled =
                certifier.cancel(documents.anulacion("pa_a", other.asOriginal(), "Pago reembolsado", 0));
        assertEquals(other.uuid(), cancelled.uuid());
        assertNull(cancelled.verificationUrl());
        assertTrue(standIn.isCancelled(other.uuid()));
        // the same anulación again is the repeat, not a second one
        assertEquals(
                CertifiedDocument.Origin.REPEATED,
                certifier
                        .cancel(documents.anulacion("pa_a", other.asOriginal(), "Pago reembolsado", 0))
                        .origin());
    }

    @Test
    void aLostAnswerOfAnAnulacionIsRetryableAndTheResendIsTheRepeat() {
        CertifiedDocument invoice = certifier.certify(documents.invoice("pa_al", FelTestData.cfSale("80.00"), 0));
        FelDocument anulacion = documents.anulacion("pa_al", invoice.asOriginal(), "x", 0);
        standIn.loseNextAnswers(1);
        assertThrows(FelUnavailable.class, () -> certifier.cancel(anulacion));
        assertTrue(standIn.isCancelled(invoice.uuid()));
        assertEquals(
                CertifiedDocument.Origin.REPEATED, certifier.cancel(anulacion).origin());
        assertEquals(0, standIn.lookUpRequests("ANUL-pa_al"));
    }

    @Test
    void everyRequestPassesTheThrottle() {
        RequestThrottleTest.FakeClock clock = new RequestThrottleTest.FakeClock();
        InfileCertifier throttled = new InfileCertifier(
                settings(standIn),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new RequestThrottle(2, 5, clock, clock));
        for (int i = 0; i < 3; i++) {
            throttled.certify(documents.invoice("pa_th" + i, FelTestData.cfSale("10.00"), 0));
        }
        assertEquals(List.of(TimeUnit.SECONDS.toNanos(1)), clock.sleeps, "the third request waited for its turn");
        assertEquals(0, throttled.throttle().inUse());
    }

    @Test
    void lookUpFindsOnlyWhatWasCertified() {
        FelDocument doc = documents.invoice("pa_lk", FelTestData.cfSale("10.00"), 0);
        assertTrue(certifier.lookUp(doc).isEmpty());
        String uuid = certifier.certify(doc).uuid();
        CertifiedDocument found = certifier.lookUp(doc).orElseThrow();
        assertEquals(uuid, found.uuid());
        assertEquals(CertifiedDocument.Origin.LOOKED_UP, found.origin());
        assertEquals(2, standIn.lookUpRequests("FACT-pa_lk"));
    }
}
