package io.github.camelrecurrente.examples;

import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerPostingsTest {

    private final LedgerPostings postings = new LedgerPostings();

    private static AbstractPaymentEvent cardEvent(String taxId, long amount, long fee, long vat) {
        String json = "{\"id\":\"pa_test1\",\"event_type\":\"payment_intent.succeeded\",\"amount_in_cents\":" + amount
                      + ",\"currency\":\"GTQ\",\"fee\":" + fee + ",\"vat_withheld\":" + vat
                      + ",\"customer\":{\"id\":\"us_1\",\"email\":\"a@example.com\",\"full_name\":\"Ana\"},"
                      + "\"payment\":{\"id\":\"pa_test1\",\"paymentable\":{\"type\":\"OneTimePayment\",\"id\":\"on_1\","
                      + "\"tax_id\":" + (taxId == null ? "null" : "\"" + taxId + "\"") + ",\"tax_name\":null}}}";
        return (AbstractPaymentEvent) RecurrenteEvents.parse(json);
    }

    private static long sum(List<Map<String, Object>> lines, String key) {
        return lines.stream().mapToLong(l -> (Long) l.get(key)).sum();
    }

    @Test
    void paymentEntryIsBalancedAndSplitsFeeVatAndIva() {
        Map<String, Object> p = postings.paymentPosting(cardEvent("1234567-8", 15000, 875, 241));
        assertEquals(13884L, p.get("netCents"));
        List<Map<String, Object>> lines = postings.paymentJournal(p);
        assertEquals(5, lines.size());
        assertEquals(15000L, sum(lines, "debitCents"));
        assertEquals(15000L, sum(lines, "creditCents"));
        // IVA contained in Q150.00: 150 * 12 / 112 = 16.07
        Map<String, Object> iva = lines.stream().filter(l -> "2140".equals(l.get("accountCode"))).findFirst().orElseThrow();
        assertEquals(1607L, iva.get("creditCents"));
        assertEquals("PAY-pa_test1", lines.get(0).get("entryId"));
    }

    @Test
    void missingTaxIdInvoicesConsumidorFinal() {
        Map<String, Object> p = postings.paymentPosting(cardEvent(null, 500, 0, 0));
        assertEquals("CF", p.get("taxId"));
        assertEquals("CF", p.get("taxName"));
        assertEquals("CF", postings.felRequest(Map.of("paymentIntentId", "pa_x", "grossCents", 500L, "currency", "GTQ"))
                .get("buyer_tax_id"));
    }

    @Test
    void zeroLinesAreLeftOutButEntryStaysBalanced() {
        List<Map<String, Object>> lines = postings.paymentJournal(postings.paymentPosting(cardEvent("CF", 45000, 0, 0)));
        assertEquals(3, lines.size());
        assertEquals(sum(lines, "debitCents"), sum(lines, "creditCents"));
    }

    @Test
    void refundCreditNoteBalancesWhenTheAccountIsDebitedLessThanTheCustomerGets() {
        Refund r = new Refund();
        r.setId("re_1");
        r.setStatus("succeeded");
        r.setCurrency("GTQ");
        r.setCustomerRefundedAmountInCents(15000L);
        r.setAccountRefundedAmountInCents(14125L);
        Map<String, Object> posting = postings.refundPosting(r, "pa_1");
        List<Map<String, Object>> lines = postings.refundJournal(posting);
        assertEquals(sum(lines, "debitCents"), sum(lines, "creditCents"));
        assertEquals(15000L, sum(lines, "debitCents"));
        assertEquals("CN-re_1", posting.get("creditNoteEntryId"));
    }

    @Test
    void aRefundWithoutTheAmountsTheApiAnswersIsNeverBookedAsZero() {
        Refund thin = new Refund();
        thin.setId("re_thin");
        assertTrue(postings.lacksAmounts(thin));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> postings.refundPosting(thin, "pa_1"));
        assertTrue(e.getMessage().contains("customer_refunded_amount_in_cents"), e.getMessage());
        // what was asked (amount_in_cents) is not what the API answered
        thin.setAmountInCents(5000L);
        thin.setCustomerRefundedAmountInCents(5000L);
        assertFalse(postings.hasAmounts(thin), "the account amount is missing");
        thin.setAccountRefundedAmountInCents(4700L);
        assertEquals(4700L, postings.refundPosting(thin, "pa_1").get("accountRefundedCents"));
    }

    @Test
    void receivableAndItsReleaseCancelOut() {
        Map<String, Object> p = postings.paymentPosting(cardEvent("CF", 45000, 0, 0));
        List<Map<String, Object>> open = postings.receivableJournal(p);
        List<Map<String, Object>> release = postings.receivableRelease(
                Map.of("paymentIntentId", "pa_test1", "amountCents", 45000L, "currency", "GTQ"), "REVERSAL");
        assertEquals(sum(open, "debitCents"), sum(release, "creditCents"));
        assertEquals(open.get(0).get("accountCode"), release.get(1).get("accountCode"));
        assertEquals("RCV-REV-pa_test1", release.get(0).get("entryId"));
    }

    @Test
    void moneyIsIntegerCents() {
        assertEquals("Q 1,234.56", Money.format(123456L, "GTQ"));
        assertEquals("USD 0.05", Money.format(5L, "USD"));
        assertEquals("-Q 1.00", Money.format(-100L, "GTQ"));
        assertEquals(54L, Money.ivaIncluded(500)); // 53.57 rounds half up to 54
        assertNull(LedgerPostings.truncate(null, 3));
        assertEquals("abc", LedgerPostings.truncate("abcdef", 3));
    }
}
