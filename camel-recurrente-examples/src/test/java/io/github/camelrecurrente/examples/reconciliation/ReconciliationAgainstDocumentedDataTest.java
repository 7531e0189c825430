package io.github.camelrecurrente.examples.reconciliation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.DocumentedApi;
import io.github.camelrecurrente.examples.testsupport.DocumentedDataTestBase;
import io.github.camelrecurrente.examples.testsupport.SignedWebhooks;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.JSON;
import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.contract;
import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.contractElement;
import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconciliation against the documented shapes only (issue 21, items 1, 2, 11): the webhooks are the
 * documentation's examples (or their shape with real-looking ids), and the API is a loopback stand-in that answers
 * {@code GET /checkouts} and {@code GET /intents} with the documented fields ({@link DocumentedApi}); no behaviour of
 * the emulator is relied on. Each test gives the API its own checkouts and intents and reconciles once.
 */
class ReconciliationAgainstDocumentedDataTest extends DocumentedDataTestBase {

    @BeforeAll
    static void start() {
        startWith(Map.of());
    }

    /**
     * Item 1: the documented bank transfer is booked by its webhook under {@code ba_123}; its checkout's
     * {@code payment.id} is {@code pa_123}, another object. Matched on the checkout id, it is posted once, invoiced
     * once.
     */
    @Test
    void documentedBankTransferIsMatchedOnItsCheckoutNeverPostedTwice() throws Exception {
        ObjectNode event = contract("webhooks/bank_transfer_intent.succeeded.postman-docs.json");
        deliver(event);
        DocumentedApiAwait.posted(ledger, "ba_123");
        ObjectNode checkout = paidCheckout("ch_5wlclm4jqpg3fe09", 10000, "OneTimePayment");
        checkout.set("payment", event.get("checkout").get("payment").deepCopy());
        checkout.set(
                "payment_method", event.get("checkout").get("payment_method").deepCopy());
        checkout.remove("latest_intent"); // no document shows a bank transfer's latest_intent
        api.checkouts(array(checkout));
        api.intents(array(intent("in_bt5wlclm4j", "bank_transfer", "succeeded", 10000, "ch_5wlclm4jqpg3fe09")));

        Map<String, Object> run = reconcile();

        assertEquals(1L, run.get("matched"), run.toString());
        assertEquals(0L, run.get("missingPosted"), run.toString());
        assertEquals(0L, run.get("needsReview"), run.toString());
        assertEquals(0, ledger.paymentCount("pa_123"), "payment.id is not the transfer's identity");
        assertEquals(1, ledger.number("select count(*) from payments where checkout_id = ?", "ch_5wlclm4jqpg3fe09"));
        assertEquals(0, api.infile().certificationRequests("FACT-pa_123"), "no second invoice");
        assertCsvLine(run, "ch_5wlclm4jqpg3fe09,ba_123,in_bt5wlclm4j,");
    }

    /**
     * Item 1, the live data: a card payment's {@code checkout.payment.id} ({@code pa_laybj3zw}) differs from its
     * intent's id ({@code pa_id123}, the id the webhook books under). Without a documented latest intent, the
     * checkout id matches it.
     */
    @Test
    void cardPaymentWhoseCheckoutPaymentIdDiffersIsMatchedOnItsCheckout() throws Exception {
        ObjectNode event = contract("webhooks/payment_intent.succeeded.postman-docs.json");
        api.paymentIntent("pa_id123", patchAnswer("pa_id123", "ch_id123", 10000, 450, 160));
        deliver(event);
        DocumentedApiAwait.posted(ledger, "pa_id123");
        ObjectNode checkout = paidCheckout("ch_id123", 10000, "OneTimePayment");
        checkout.set("payment", event.get("checkout").get("payment").deepCopy());
        checkout.remove("latest_intent");
        api.checkouts(array(checkout));
        api.intents(array(intent("in_cd5r81ka0q", "payment", "succeeded", 10000, "ch_id123")));

        Map<String, Object> run = reconcile();

        assertEquals(1L, run.get("matched"), run.toString());
        assertEquals(0L, run.get("missingPosted"), run.toString());
        assertEquals(0, ledger.paymentCount("pa_laybj3zw"), "checkout.payment.id is another object");
        assertEquals(1, ledger.number("select count(*) from payments where checkout_id = ?", "ch_id123"));
    }

    /**
     * Item 1: a paid checkout the ledger lacks, whose payment id no document gives (a bank transfer: no
     * {@code latest_intent} of type PaymentIntent), is a review case: nothing posted, nothing invoiced, one case
     * however often it is found.
     */
    @Test
    void chargeWithoutADocumentedIdentityIsReviewedNotPosted() throws Exception {
        ObjectNode checkout = paidCheckout("ch_q8w2mzk4rt6yp1vb", 25000, "OneTimePayment");
        ((ObjectNode) checkout.get("payment")).put("id", "pa_x7c2mq9d");
        checkout.remove("latest_intent");
        api.checkouts(array(checkout));
        api.intents(array(intent("in_r5t8m2kq1x", "bank_transfer", "succeeded", 25000, "ch_q8w2mzk4rt6yp1vb")));

        Map<String, Object> run = reconcile();

        assertEquals(1L, run.get("needsReview"), run.toString());
        assertEquals(0L, run.get("missingPosted"), run.toString());
        assertEquals(0, ledger.number("select count(*) from payments where checkout_id = ?", "ch_q8w2mzk4rt6yp1vb"));
        assertEquals(0, ledger.paymentCount("pa_x7c2mq9d"));
        List<Map<String, Object>> cases =
                ledger.rows("select * from review_cases where checkout_id = ?", "ch_q8w2mzk4rt6yp1vb");
        assertEquals(1, cases.size(), cases.toString());
        assertEquals("IDENTITY_UNCERTAIN", cases.get(0).get("kind"));
        assertEquals("OPEN", cases.get(0).get("status"));
        assertEquals("in_r5t8m2kq1x", cases.get(0).get("intent_id"));
        assertEquals(25000L, cases.get(0).get("amount_cents"));
        assertEquals("GTQ", cases.get(0).get("currency"));
        assertEquals(null, cases.get(0).get("payment_intent_id"), "no documented id to suggest");

        Map<String, Object> again = reconcile();
        assertEquals(1L, again.get("needsReview"), again.toString());
        assertEquals(
                1, ledger.number("select count(*) from review_cases where checkout_id = ?", "ch_q8w2mzk4rt6yp1vb"));
    }

    /**
     * Item 2: the documented paid subscription checkout ({@code GET /checkouts} sample) whose {@code latest_intent}
     * ({@code pa_123}, no status) is a later charge that FAILED: the ledger has the first charge, and the failed one is
     * never booked as revenue.
     */
    @Test
    void paidSubscriptionCheckoutWhoseLatestChargeFailedBooksNothing() throws Exception {
        ObjectNode checkout = contractElement("responses/checkout-list.json");
        checkout.put("created_at", Instant.now().toString());
        deliver(charge("pa_k3n8d2xq", "ch_lmgbvesmihkqzma3", 500, 223));
        DocumentedApiAwait.posted(ledger, "pa_k3n8d2xq");
        api.checkouts(array(checkout));
        api.intents(array(
                intent("in_f1rstch4rg", "payment", "succeeded", 500, "ch_lmgbvesmihkqzma3"),
                intent("in_fa1ledch4r", "payment", "failed", 500, "ch_lmgbvesmihkqzma3")));

        Map<String, Object> run = reconcile();

        assertEquals(1L, run.get("matched"), run.toString());
        assertEquals(0L, run.get("missingPosted"), run.toString());
        assertEquals(0L, run.get("needsReview"), run.toString());
        assertEquals(0, ledger.paymentCount("pa_123"), "the failed latest charge is not revenue");
        assertEquals(0, api.infile().certificationRequests("FACT-pa_123"), "and is not invoiced");
    }

    /**
     * Item 2, renewals: the charges of checkouts created before the period are reconciled from the period's
     * succeeded intents. A renewal the ledger has matches; one it lacks is a review case (no listing documents the
     * payment id a renewal is booked under).
     */
    @Test
    void renewalsAreReconciledFromTheIntentsOfThePeriod() throws Exception {
        // ch_old1: the first charge 35 days ago; this month's renewal webhook was lost
        ObjectNode firstCharge = subscriptionCharge("pa_o1d1st4r", "ch_old1s5b8n3kq", "su_old1x9", 9900);
        firstCharge.put("created_at", Instant.now().minus(35, ChronoUnit.DAYS).toString());
        // ch_old2: this month's renewal arrived
        ObjectNode renewal = subscriptionCharge("pa_o2r3n3w4", "ch_old2p4c7v1mz", "su_old2k3", 4900);
        deliver(firstCharge);
        deliver(renewal);
        DocumentedApiAwait.posted(ledger, "pa_o1d1st4r");
        DocumentedApiAwait.posted(ledger, "pa_o2r3n3w4");
        api.checkouts("[]");
        api.intents(array(
                intent("in_r3n3w4l01a", "payment", "succeeded", 9900, "ch_old1s5b8n3kq"),
                intent("in_r3n3w4l02b", "payment", "succeeded", 4900, "ch_old2p4c7v1mz")));

        Map<String, Object> run = reconcile();

        assertEquals(0L, run.get("paidCheckouts"), run.toString());
        assertEquals(1L, run.get("matched"), run.toString());
        assertEquals(1L, run.get("needsReview"), run.toString());
        assertEquals(0L, run.get("missingPosted"), run.toString());
        assertCsvLine(run, "ch_old2p4c7v1mz,pa_o2r3n3w4,in_r3n3w4l02b,,GTQ,4900,4900,MATCHED,");
        List<Map<String, Object>> cases =
                ledger.rows("select * from review_cases where checkout_id = ?", "ch_old1s5b8n3kq");
        assertEquals(1, cases.size());
        assertEquals("in_r3n3w4l01a", cases.get(0).get("intent_id"));
        assertEquals(9900L, cases.get(0).get("amount_cents"));
        assertEquals(1, ledger.number("select count(*) from payments where checkout_id = ?", "ch_old1s5b8n3kq"));
    }

    /**
     * Item 11: the charged amount is the succeeded intent's, never {@code checkout.total_in_cents} (dynamic pricing
     * makes them differ): a payment booked by its webhook matches the intent; a lost one is posted with the intent's
     * amount; a paid checkout with no succeeded intent, so no documented charged amount, is a review case.
     */
    @Test
    void theChargedAmountIsTheIntentsNeverTheCheckoutTotal() throws Exception {
        deliver(charge("pa_dyn4m1c1", "ch_dyn1pr1c3k9q2w", 7500, 340));
        DocumentedApiAwait.posted(ledger, "pa_dyn4m1c1");

        ObjectNode matched = paidCheckout("ch_dyn1pr1c3k9q2w", 5000, "OneTimePayment");
        ((ObjectNode) matched.get("latest_intent")).put("id", "pa_dyn4m1c1");
        ObjectNode lost = paidCheckout("ch_dyn2l0stq8x5v", 5000, "OneTimePayment");
        ((ObjectNode) lost.get("latest_intent")).put("id", "pa_dyn2l0st");
        ((ObjectNode) lost.get("payment")).put("id", "pa_v9z3c1wq");
        ObjectNode noIntent = paidCheckout("ch_dyn3n01nt3nt7", 5000, "OneTimePayment");
        ((ObjectNode) noIntent.get("latest_intent")).put("id", "pa_dyn3n0in");
        api.paymentIntent("pa_dyn2l0st", patchAnswer("pa_dyn2l0st", "ch_dyn2l0stq8x5v", 7500, 340, 0));
        api.checkouts(array(matched, lost, noIntent));
        api.intents(array(
                intent("in_dyn1m4tch3", "payment", "succeeded", 7500, "ch_dyn1pr1c3k9q2w"),
                intent("in_dyn2l0st9k", "payment", "succeeded", 7500, "ch_dyn2l0stq8x5v")));

        Map<String, Object> run = reconcile();

        assertEquals(1L, run.get("matched"), run.toString());
        assertEquals(0L, run.get("amountDiffers"), "7500 charged and booked: total_in_cents 5000 is not compared");
        assertEquals(1L, run.get("missingPosted"), run.toString());
        assertEquals(1L, run.get("needsReview"), run.toString());
        assertEquals(7500L, ledger.payment("pa_dyn2l0st").get("gross_cents"));
        assertEquals(0, ledger.paymentCount("pa_dyn3n0in"), "no documented charge, no posting");
        assertEquals(
                "SUCCESS_UNDOCUMENTED",
                ledger.rows("select kind from review_cases where checkout_id = ?", "ch_dyn3n01nt3nt7")
                        .get(0)
                        .get("kind"));
        assertCsvLine(run, "ch_dyn2l0stq8x5v,pa_dyn2l0st,in_dyn2l0st9k,");
    }

    /** Item 9: a succeeded charge without a currency is never posted in a default currency: it is a review case. */
    @Test
    void chargeWithoutCurrencyIsReviewedNeverBookedAsGtq() throws Exception {
        ObjectNode checkout = paidCheckout("ch_n0curr3ncy8t4", 3000, "OneTimePayment");
        checkout.remove("currency");
        ((ObjectNode) checkout.get("latest_intent")).put("id", "pa_n0cur7x2");
        ObjectNode intent = intent("in_n0cur4c1q2", "payment", "succeeded", 3000, "ch_n0curr3ncy8t4");
        intent.remove("currency");
        api.checkouts(array(checkout));
        api.intents(array(intent));

        Map<String, Object> run = reconcile();

        assertEquals(1L, run.get("needsReview"), run.toString());
        assertEquals(0L, run.get("missingPosted"), run.toString());
        assertEquals(0, ledger.paymentCount("pa_n0cur7x2"));
        assertEquals(
                "CURRENCY_MISSING",
                ledger.rows("select kind from review_cases where checkout_id = ?", "ch_n0curr3ncy8t4")
                        .get(0)
                        .get("kind"));
    }

    // ------------------------------------------------------------------ documented shapes

    /** A paid checkout in the documented {@code GET /checkouts} shape (the reference's sample with our ids). */
    static ObjectNode paidCheckout(String id, long totalInCents, String paymentableType) {
        ObjectNode c = contractElement("responses/checkout-list.json");
        c.put("id", id);
        c.put("created_at", Instant.now().toString());
        c.put("total_in_cents", totalInCents);
        ObjectNode payable = (ObjectNode) c.get("payment").get("paymentable");
        payable.put("type", paymentableType);
        payable.put("id", paymentableType.equals("Subscription") ? "su_" + tail(id) : "on_" + tail(id));
        ((ObjectNode) c.get("payment")).put("id", "pa_" + tail(id));
        ((ObjectNode) c.get("latest_intent")).put("created_at", Instant.now().toString());
        return c;
    }

    /** A unified intent of {@code GET /intents} (fields of recurrente-api-notes.md, section 1.4). */
    static ObjectNode intent(String id, String type, String status, long amount, String checkoutId) {
        ObjectNode i = JSON.createObjectNode();
        i.put("type", type);
        i.put("id", id);
        i.put("status", status);
        i.put("raw_status", status);
        i.put("amount_in_cents", amount);
        i.put("currency", "GTQ");
        ObjectNode customer = i.putObject("customer");
        customer.put("id", "cus_b7k2m9q4");
        customer.put("email", "compras@example.com");
        customer.putNull("nit");
        i.putObject("product").put("id", "prod_4m8q2x");
        ObjectNode checkout = i.putObject("checkout");
        checkout.put("id", checkoutId);
        checkout.put("status", "paid");
        ObjectNode payment = i.putObject("payment");
        payment.put("id", "pa_" + tail(id));
        ObjectNode payable = payment.putObject("paymentable");
        payable.put("type", "OneTimePayment");
        payable.put("id", "on_" + tail(id));
        payable.putNull("tax_name");
        payable.putNull("tax_id");
        ObjectNode details = i.putObject("details");
        details.putNull("failure_reason");
        return i;
    }

    /** The documented answer of {@code PATCH /payment_intents/{id}} with our ids and amounts. */
    static String patchAnswer(String id, String checkoutId, long amount, long fee, long vatWithheld) {
        ObjectNode a = contract("responses/payment-intent-update.json");
        a.put("id", id);
        ((ObjectNode) a.get("checkout")).put("id", checkoutId);
        a.put("amount_in_cents", amount);
        a.put("fee", fee);
        a.put("vat_withheld", vatWithheld);
        ((ObjectNode) a.get("payment")).put("id", id);
        return text(a);
    }

    /** A subscription charge in the documented {@code payment_intent.succeeded} shape. */
    /**
     * The documented {@code payment_intent.succeeded} payload for one charge (its payment intent, checkout and amount),
     * with the API stand-in answering the bundle's {@code PATCH /payment_intents/{id}} with that charge and its fee.
     */
    static ObjectNode charge(String id, String checkoutId, long amount, long fee) {
        ObjectNode e = contract("webhooks/payment_intent.succeeded.postman-docs.json");
        e.put("id", id);
        e.put("amount_in_cents", amount);
        ((ObjectNode) e.get("checkout")).put("id", checkoutId);
        ((ObjectNode) e.get("payment")).put("id", id);
        api.paymentIntent(id, patchAnswer(id, checkoutId, amount, fee, 0));
        return e;
    }

    static ObjectNode subscriptionCharge(String id, String checkoutId, String subscriptionId, long amount) {
        ObjectNode e = charge(id, checkoutId, amount, 300);
        e.put("created_at", Instant.now().toString());
        ((ObjectNode) e.get("payment").get("paymentable")).put("id", subscriptionId);
        return e;
    }

    /** Up to 8 characters of an id after its prefix, for the ids of its related objects. */
    static String tail(String id) {
        return id.substring(3, Math.min(id.length(), 11));
    }

    static String array(ObjectNode... nodes) {
        ArrayNode a = JSON.createArrayNode();
        for (ObjectNode n : nodes) {
            a.add(n);
        }
        return text(a);
    }

    static void deliver(ObjectNode event) throws Exception {
        int status = SignedWebhooks.deliverAndAwaitPosting(webhookUrl, api.webhookSecret(), text(event), ledger)
                .statusCode();
        assertEquals(2, status / 100, "answered " + status);
    }

    static void assertCsvLine(Map<String, Object> run, String prefix) throws Exception {
        List<String> csv = Files.readAllLines(Path.of((String) run.get("reportFile")), StandardCharsets.UTF_8);
        assertEquals(ReconciliationRun.CSV_HEADER, csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith(prefix)), prefix + " in " + csv);
    }

    /** Waits for the webhook path to post a payment. */
    static final class DocumentedApiAwait {
        static void posted(LedgerReport ledger, String id) {
            TestStacks.await(() -> ledger.paymentCount(id) == 1, Duration.ofSeconds(30), "payment " + id + " posted");
        }
    }
}
