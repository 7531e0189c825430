package io.github.camelrecurrente.examples.invoicing;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;
import io.github.camelrecurrente.examples.standins.infile.StandInDocument;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partial refund of an invoiced payment gets one credit note (NCRE) at INFILE (its stand-in), identificador
 * {@code NCRE-<refund id>}, referencing the payment's FACT, stored on the refund; a later run certifies nothing more.
 * The NCRE is mailed to the buyer once (not at all without an e-mail address); an NCRE whose answer was lost is looked
 * up by identificador, never certified twice; a rejected NCRE is dead-lettered and replayed by the operator.
 */
class RefundCreditNotesEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aPartialRefundOfAnInvoicedPaymentIsCreditedOnce() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        try (ExamplesStack stack = ExamplesStack.start(props)) {
            RecurrenteSandbox sandbox = stack.sandbox().sandbox();
            LedgerReport ledger = new LedgerReport(stack.app().ledger());
            String pa = TestStacks.invoicedToNit(sandbox, ledger);
            String factUuid = (String) ledger.payment(pa).get("invoice_uuid");

            HttpResponse<String> refunded = TestStacks.opsPost(
                    props, "/ops/refunds", "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 5000}");
            assertEquals(200, refunded.statusCode(), refunded.body());
            Map<String, Object> refund = ledger.rows("select * from refunds where payment_intent_id = ?", pa)
                    .get(0);
            String re = (String) refund.get("refund_id");
            assertEquals("succeeded", refund.get("status"), refund.toString());
            String identificador = "NCRE-" + re;

            DemoScenario.await(
                    () -> "ISSUED"
                            .equals(ledger.rows("select credit_status from refunds where refund_id = ?", re)
                                    .get(0)
                                    .get("credit_status")),
                    re + " credited");
            StandInDocument ncre = stack.certifier().document(identificador).orElseThrow();
            assertEquals("NCRE", ncre.tipo());
            assertEquals(factUuid, ncre.referencedUuid(), "the NCRE references the payment's FACT");
            assertEquals(
                    0,
                    new BigDecimal("50.00").compareTo(ncre.granTotal()),
                    ncre.granTotal().toPlainString());
            assertEquals(1, stack.certifier().certificationRequests(identificador));
            Map<String, Object> row =
                    ledger.rows("select * from refunds where refund_id = ?", re).get(0);
            assertEquals(ncre.uuid(), row.get("credit_uuid"));
            assertEquals(ncre.serie(), row.get("credit_serie"));
            assertEquals(ncre.numero(), row.get("credit_numero"));
            assertTrue(((String) row.get("credit_pdf_url")).startsWith("http"), row.toString());

            // another run: nothing more is certified
            int certified = stack.certifier().certifiedCount();
            Map<?, ?> again = stack.app().producer().requestBody("direct:fel-credit-notes", null, Map.class);
            assertEquals(0, again.get("issued"), again.toString());
            assertEquals(certified, stack.certifier().certifiedCount());
            assertEquals(1, stack.certifier().certificationRequests(identificador));
            // the run on demand above and the timer's mail it once between them
            awaitMail(ledger, re, "SENT");
            assertCreditNoteMails(stack, 1);
        }
    }

    @Test
    void theCreditNoteIsMailedToTheBuyerOnce() throws Exception {
        onAnInvoicedPayment((props, stack, ledger, pa) -> {
            String re = refund(props, ledger, pa, 5000);
            awaitCredit(ledger, re, "ISSUED");
            awaitMail(ledger, re, "SENT");
            Map<String, Object> row = refundRow(ledger, re);
            String subject = "Nota de crédito " + row.get("credit_serie") + "-" + row.get("credit_numero")
                    + " por tu reembolso " + re;
            List<MimeMessage> mails = mails(stack, subject);
            assertEquals(1, mails.size(), stack.smtp().receivedSubjects().toString());
            MimeMessage mail = mails.get(0);
            assertEquals("ceiba@example.com", mail.getAllRecipients()[0].toString());
            assertEquals("<credit_note." + re + "@mitienda.example>", mail.getMessageID());
            String body = mail.getContent().toString();
            assertTrue(body.contains((String) row.get("credit_uuid")), body);
            assertTrue(body.contains((String) row.get("credit_pdf_url")), body);
            assertTrue(
                    body.contains("serie " + row.get("credit_serie") + ", número " + row.get("credit_numero")), body);
            assertTrue(body.contains("Q 50.00"), body);
            Map<String, Object> payment = ledger.payment(pa);
            assertTrue(
                    body.contains(
                            "serie " + payment.get("invoice_serie") + ", número " + payment.get("invoice_numero")),
                    body);
            assertEquals(1, ledger.emailCount("CREDIT_NOTE", re));

            // a node that stopped after handing the mail to SMTP but before recording it: the next run finds it in
            // email_log and does not mail it again
            update(stack, "update refunds set credit_mail_status = null where refund_id = ?", re);
            stack.app().producer().requestBody("direct:fel-credit-notes", null, Map.class);
            assertEquals("SENT", refundRow(ledger, re).get("credit_mail_status"));
            stack.app().producer().requestBody("direct:fel-credit-notes", null, Map.class);
            assertCreditNoteMails(stack, 1);
            assertEquals(1, ledger.emailCount("CREDIT_NOTE", re));
        });
    }

    @Test
    void aBuyerWithoutEmailGetsNoCreditNoteMail() throws Exception {
        onAnInvoicedPayment((props, stack, ledger, pa) -> {
            // a payment that came without an e-mail address (as a bank transfer's event does)
            update(stack, "update payments set customer_email = null where payment_intent_id = ?", pa);
            String re = refund(props, ledger, pa, 5000);
            awaitCredit(ledger, re, "ISSUED");
            awaitMail(ledger, re, "NO_ADDRESS");
            assertEquals(0, ledger.emailCount("CREDIT_NOTE", re));
            assertCreditNoteMails(stack, 0);
        });
    }

    @Test
    void anNcreWhoseAnswerWasLostIsFoundByTheLookUpAndCertifiedOnce() throws Exception {
        onAnInvoicedPayment((props, stack, ledger, pa) -> {
            InfileStandIn infile = stack.certifier();
            // the NCRE is certified but its answer is lost, and the look-up right after fails too: the try ends
            // without knowing, the refund stays PENDING with its certification started
            infile.loseNextAnswers(1);
            infile.failNextLookUps(1);
            String re = refund(props, ledger, pa, 5000);
            String identificador = "NCRE-" + re;
            awaitCredit(ledger, re, "ISSUED");

            assertEquals(1, infile.certificationRequests(identificador), "sent once, never again");
            assertEquals(1, infile.lookUpRequests(identificador), "found by the look-up of the next run");
            StandInDocument ncre = infile.document(identificador).orElseThrow();
            Map<String, Object> row = refundRow(ledger, re);
            assertEquals(ncre.uuid(), row.get("credit_uuid"));
            assertNotEquals("CERTIFY", row.get("credit_effect_step"), row.toString());
            assertEquals(
                    1,
                    infile.identificadores().stream()
                            .filter(i -> i.startsWith("NCRE-"))
                            .count());
            Map<String, Object> inDoubt = ledger.rows("select * from fel_in_doubt where refund_id = ?", re)
                    .get(0);
            assertEquals("CREDIT", inDoubt.get("step"));
            assertEquals("LOOKUP_FOUND", inDoubt.get("resolution"));
            assertEquals(pa, inDoubt.get("payment_intent_id"));
        });
    }

    @Test
    void aRejectedCreditNoteIsDeadLetteredAndReplayedByTheOperator() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ShiftedClock infileClock = new ShiftedClock();
        try (RecurrenteSandbox api = TestStacks.realApi(props);
                InfileStandIn infile =
                        InfileStandIn.builder().clock(infileClock).start()) {
            props.put("fel.certifier", "infile");
            props.putAll(infile.clientProperties());
            props.putAll(TestStacks.emitter());
            try (ExamplesStack stack = ExamplesStack.start(props)) {
                LedgerReport ledger = new LedgerReport(stack.app().ledger());
                String pa = TestStacks.invoicedToNit(api, ledger);
                // INFILE's clock 10 days ahead: the NCRE is emitted more than 5 days before its certification
                infileClock.shift = Duration.ofDays(10);
                String re = refund(props, ledger, pa, 5000);
                awaitCredit(ledger, re, "DEAD");
                Map<String, Object> dead = ledger.rows("select * from fel_dead_letters where refund_id = ?", re)
                        .get(0);
                assertEquals(pa, dead.get("payment_intent_id"));
                assertEquals("REJECTION", dead.get("failure_kind"));
                assertEquals("FEL_INF300", dead.get("failure_code"));
                assertEquals(1, infile.certificationRequests("NCRE-" + re));
                assertEquals("DONE", ledger.invoiceStatus(pa), "the payment's own invoice is untouched");

                // the status page names the refund on its dead letter, with the form to replay one credit note
                HttpResponse<String> page = TestStacks.opsGet(props, "/ops/status");
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains(re), page.body());
                assertTrue(page.body().contains("name=\"refund_id\""), page.body());

                // refused, naming the field and the rule; nothing changes
                HttpResponse<String> noToken = TestStacks.post(
                        TestStacks.opsUrl(props) + "/ops/fel/replay", "{\"refund_id\": \"" + re + "\"}");
                assertEquals(401, noToken.statusCode(), noToken.body());
                HttpResponse<String> taxId = TestStacks.opsPost(
                        props, "/ops/fel/replay", "{\"refund_id\": \"" + re + "\", \"tax_id\": \"1234567-9\"}");
                assertEquals(400, taxId.statusCode(), taxId.body());
                assertTrue(taxId.body().contains("\"error\":\"credit_note_receptor\""), taxId.body());
                assertTrue(taxId.body().contains("\"field\":\"tax_id\""), taxId.body());
                HttpResponse<String> both = TestStacks.opsPost(
                        props,
                        "/ops/fel/replay",
                        "{\"refund_id\": \"" + re + "\", \"payment_intent_id\": \"" + pa + "\"}");
                assertEquals(400, both.statusCode(), both.body());
                assertTrue(both.body().contains("\"field\":\"refund_id\""), both.body());
                HttpResponse<String> unknown =
                        TestStacks.opsPost(props, "/ops/fel/replay", "{\"refund_id\": \"re_unknown\"}");
                assertEquals(404, unknown.statusCode(), unknown.body());
                assertTrue(unknown.body().contains("\"error\":\"refund_not_found\""), unknown.body());
                assertTrue(unknown.body().contains("\"field\":\"refund_id\""), unknown.body());
                assertEquals("DEAD", refundRow(ledger, re).get("credit_status"));
                // the replay of the payment's invoice leaves the credit note's dead letter alone
                HttpResponse<String> payment =
                        TestStacks.opsPost(props, "/ops/fel/replay", "{\"payment_intent_id\": \"" + pa + "\"}");
                assertEquals(409, payment.statusCode(), payment.body());
                assertEquals(1, ledger.openDeadLetters());

                // the status page's form in a browser session: refused without the page's CSRF token, then replayed
                infileClock.shift = Duration.ZERO;
                TestStacks.OpsBrowser browser = TestStacks.opsBrowser(props);
                HttpResponse<String> forged = browser.submit("/ops/status/fel-replay", "refund_id=" + re, true);
                assertEquals(403, forged.statusCode(), forged.body());
                assertEquals("DEAD", refundRow(ledger, re).get("credit_status"));
                HttpResponse<String> replay = browser.submit("/ops/status/fel-replay", "refund_id=" + re, false);
                assertEquals(303, replay.statusCode(), replay.body());
                awaitCredit(ledger, re, "ISSUED");
                // rejected, so never certified: sent under the next revision, once
                assertEquals(1, infile.certificationRequests("NCRE-" + re + "-R1"));
                assertEquals(1, infile.certificationRequests("NCRE-" + re));
                StandInDocument ncre = infile.document("NCRE-" + re + "-R1").orElseThrow();
                assertEquals(ncre.uuid(), refundRow(ledger, re).get("credit_uuid"));
                assertEquals(0, ledger.openDeadLetters());
                // audited: who replayed which refund's credit note
                List<Map<String, Object>> audited = ledger.rows(
                        "select token_label, outcome from operator_audit where action = 'fel-replay' and http_status"
                                + " = 303 and target = ?",
                        re);
                assertEquals(1, audited.size(), audited.toString());
                assertEquals("ops-test", audited.get(0).get("token_label"));
                assertTrue(((String) audited.get(0).get("outcome")).contains("replayed 1"), audited.toString());
                // and mailed to the buyer once
                DemoScenario.await(() -> ledger.emailCount("CREDIT_NOTE", re) == 1, re + " mailed");

                HttpResponse<String> again =
                        TestStacks.opsPost(props, "/ops/fel/replay", "{\"refund_id\": \"" + re + "\"}");
                assertEquals(409, again.statusCode(), again.body());
                assertTrue(again.body().contains("\"error\":\"not_dead_lettered\""), again.body());
                assertTrue(again.body().contains("\"field\":\"refund_id\""), again.body());
            }
        }
    }

    /** What a test does with a stack and a card payment of Q150.00 to a buyer with a NIT, invoiced (DONE). */
    @FunctionalInterface
    private interface OnAnInvoicedPayment {
        void run(Map<String, String> props, ExamplesStack stack, LedgerReport ledger, String pa) throws Exception;
    }

    private void onAnInvoicedPayment(OnAnInvoicedPayment test) throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        try (ExamplesStack stack = ExamplesStack.start(props)) {
            LedgerReport ledger = new LedgerReport(stack.app().ledger());
            test.run(
                    props,
                    stack,
                    ledger,
                    TestStacks.invoicedToNit(stack.sandbox().sandbox(), ledger));
        }
    }

    /** A refund through the operator API; its id. */
    private static String refund(Map<String, String> props, LedgerReport ledger, String pa, int cents)
            throws Exception {
        HttpResponse<String> refunded = TestStacks.opsPost(
                props, "/ops/refunds", "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": " + cents + "}");
        assertEquals(200, refunded.statusCode(), refunded.body());
        return (String) ledger.rows("select refund_id from refunds where payment_intent_id = ?", pa)
                .get(0)
                .get("refund_id");
    }

    private static void awaitCredit(LedgerReport ledger, String re, String status) {
        DemoScenario.await(
                () -> status.equals(refundRow(ledger, re).get("credit_status")), re + " credit status " + status);
    }

    private static void awaitMail(LedgerReport ledger, String re, String status) {
        DemoScenario.await(
                () -> status.equals(refundRow(ledger, re).get("credit_mail_status")), re + " mail " + status);
    }

    /** The credit note mails the SMTP stand-in received. */
    private static void assertCreditNoteMails(ExamplesStack stack, int count) throws Exception {
        assertEquals(
                count,
                mails(stack, "Nota de crédito ").size(),
                stack.smtp().receivedSubjects().toString());
    }

    private static Map<String, Object> refundRow(LedgerReport ledger, String re) {
        return ledger.rows("select * from refunds where refund_id = ?", re).get(0);
    }

    private static List<MimeMessage> mails(ExamplesStack stack, String subjectStart) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : stack.smtp().receivedMessages()) {
            if (m.getSubject().startsWith(subjectStart)) {
                out.add(m);
            }
        }
        return out;
    }

    private static void update(ExamplesStack stack, String sql, String id) throws Exception {
        try (Connection c = stack.app().ledger().getConnection();
                PreparedStatement u = c.prepareStatement(sql)) {
            u.setString(1, id);
            assertEquals(1, u.executeUpdate(), sql);
        }
    }

    /** INFILE's clock, shifted by the test. */
    private static final class ShiftedClock extends Clock {
        volatile Duration shift = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
