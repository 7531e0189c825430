package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade a route calls: a sale in, a certified document or a typed failure out. */
class FelInvoicingTest {

    private InfileStandIn standIn;
    private FelInvoicing invoicing;

    @BeforeEach
    void start() {
        standIn = StandInFixture.standIn().start();
        Map<String, String> p = FelTestData.emitterProperties();
        p.putAll(standIn.clientProperties());
        invoicing = FelInvoicing.withInfile(p::get, Clock.fixed(StandInFixture.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aPaymentIsInvoicedOnceWhateverIsRetried() {
        Sale sale = FelTestData.cfSale("150.00");
        CertifiedDocument first = invoicing.invoicePayment("pa_f1", sale, Attempt.FIRST);
        assertEquals(CertifiedDocument.Origin.CERTIFIED, first.origin());
        // a redelivery in doubt (crash after the request): looked up first, not sent again
        CertifiedDocument resumed = invoicing.invoicePayment("pa_f1", sale, Attempt.inDoubt(0));
        assertEquals(CertifiedDocument.Origin.LOOKED_UP, resumed.origin());
        assertEquals(first.uuid(), resumed.uuid());
        // a plain retry: sent with the same identificador, answered with the original
        CertifiedDocument retried = invoicing.invoicePayment("pa_f1", sale, Attempt.FIRST);
        assertEquals(CertifiedDocument.Origin.REPEATED, retried.origin());
        assertEquals(first.uuid(), retried.uuid());
        assertEquals(2, standIn.certificationRequests("FACT-pa_f1"));
        assertEquals(1, standIn.lookUpRequests("FACT-pa_f1"));
        assertEquals(1, standIn.certifiedCount());
    }

    @Test
    void inDoubtButNeverSentIsLookedUpThenCertified() {
        CertifiedDocument c = invoicing.invoicePayment("pa_f2", FelTestData.cfSale("10.00"), Attempt.inDoubt(0));
        assertEquals(CertifiedDocument.Origin.CERTIFIED, c.origin());
        assertEquals(1, standIn.lookUpRequests("FACT-pa_f2"));
        assertEquals(1, standIn.certificationRequests("FACT-pa_f2"));
    }

    @Test
    void aRefusedSaleIsNeverSent() {
        FelRefusal r = assertThrows(
                FelRefusal.class,
                () -> invoicing.invoicePayment("pa_f3", FelTestData.cfSale("3000.00"), Attempt.FIRST));
        assertEquals("FEL_RCP535", r.code());
        assertEquals(0, standIn.certificationRequests("FACT-pa_f3"));
    }

    @Test
    void aReplayAfterAFinalFailureUsesTheNextRevision() {
        CertifiedDocument c = invoicing.invoicePayment(
                "pa_f4",
                FelTestData.sale(
                        Buyer.fromPayment("1234567-9", "Cliente", null),
                        "GTQ",
                        FelTestData.EMITTED,
                        SaleItem.service("x", new BigDecimal("3000.00"))),
                new Attempt(1, false));
        assertEquals("FACT-pa_f4-R1", c.document().identificador());
    }

    @Test
    void refundsAndCancellations() {
        CertifiedDocument invoice = invoicing.invoicePayment("pa_f5", FelTestData.cfSale("200.00"), Attempt.FIRST);
        CertifiedDocument note = invoicing.creditRefund(
                "re_f5",
                FelTestData.cfSale("200.00"),
                invoice.asOriginal(),
                BigDecimal.ZERO,
                "Reembolso",
                Attempt.FIRST);
        assertEquals(DocumentKind.NCRE, note.document().kind());
        FelRefusal twice = assertThrows(
                FelRefusal.class,
                () -> invoicing.creditRefund(
                        "re_f6",
                        FelTestData.cfSale("0.01"),
                        invoice.asOriginal(),
                        new BigDecimal("200.00"),
                        "Reembolso",
                        Attempt.FIRST));
        assertEquals("FEL_RCP350", twice.code());

        CertifiedDocument other = invoicing.invoicePayment("pa_f7", FelTestData.cfSale("20.00"), Attempt.FIRST);
        CertifiedDocument cancelled =
                invoicing.cancelInvoice("pa_f7", other.asOriginal(), "Cancelado por el operador", Attempt.FIRST);
        assertEquals(other.uuid(), cancelled.uuid());
        assertTrue(standIn.isCancelled(other.uuid()));
    }

    @Test
    void aMissingPropertyIsNamed() {
        FelConfigurationException e = assertThrows(
                FelConfigurationException.class,
                () -> FelInvoicing.withInfile(FelTestData.emitterProperties()::get, Clock.systemUTC()));
        assertEquals("fel.infile.usuario-firma", e.property());
        assertTrue(e.getMessage().contains("FEL_INFILE_USUARIO_FIRMA"), e.getMessage());
    }
}
