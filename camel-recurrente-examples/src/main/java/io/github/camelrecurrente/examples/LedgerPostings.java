package io.github.camelrecurrente.examples;

import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.Paymentable;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.BankTransferIntentEvent;
import io.github.camelrecurrente.component.model.event.SubscriptionEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posting rules of the example ERP, as a bean the YAML routes call ({@code bean: ledgerPostings}). Java because
 * YAML cannot do integer arithmetic on amounts; the routes do all the I/O (camel-sql, HTTP, mail).
 * <p>
 * Every method returns plain {@code Map}s whose keys are the named parameters of the SQL statements in the routes
 * ({@code :#grossCents}, ...). Every journal entry has a deterministic id ({@code PAY-pa_...}, {@code CN-re_...})
 * and fixed line numbers, so re-posting the same event inserts nothing new: posting is idempotent.
 * Amounts are integer cents.
 */
public class LedgerPostings {

    /** Tax id used on invoices when the payer gave none ("consumidor final"). */
    public static final String FINAL_CONSUMER = "CF";

    /** The ledger view of a {@code payment_intent.*} / {@code bank_transfer_intent.*} event. */
    public Map<String, Object> paymentPosting(AbstractPaymentEvent event) {
        if (event == null || event.getId() == null) {
            throw new IllegalArgumentException("A payment event without an id cannot be posted");
        }
        if (event.getAmountInCents() == null) {
            throw new IllegalArgumentException("Payment event " + event.getId() + " has no amount_in_cents");
        }
        long gross = event.getAmountInCents();
        long fee = Money.cents(event.getFee());
        long vatWithheld = Money.cents(event.getVatWithheld());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("paymentIntentId", event.getId());
        p.put("paymentKind", event instanceof BankTransferIntentEvent ? "bank_transfer" : "card");
        p.put("eventType", event.getEventType());
        p.put("status", event.getStatus());
        p.put("checkoutId", event.getCheckoutId());
        Customer customer = event.getCustomer();
        String customerId = customer != null && customer.getId() != null ? customer.getId()
                : event.getCustomerId() != null ? event.getCustomerId() : event.getUserId();
        p.put("customerId", customerId);
        p.put("customerEmail", customer == null ? null : customer.getEmail());
        p.put("customerName", customer == null ? null
                : customer.getFullName() != null ? customer.getFullName() : customer.getName());
        String currency = event.getCurrency() == null ? "GTQ" : event.getCurrency();
        p.put("currency", currency);
        p.put("grossCents", gross);
        p.put("feeCents", fee);
        p.put("vatWithheldCents", vatWithheld);
        p.put("netCents", gross - fee - vatWithheld);
        Paymentable payer = event.getPayment() == null ? null : event.getPayment().getPaymentable();
        p.put("taxId", blankToDefault(payer == null ? null : payer.getTaxId(), FINAL_CONSUMER));
        p.put("taxName", blankToDefault(payer == null ? null : payer.getTaxName(), FINAL_CONSUMER));
        p.put("subscriptionId", event.isSubscriptionPayment() && payer != null ? payer.getId() : null);
        p.put("failureReason", event.getFailureReason());
        p.put("amountFormatted", Money.format(gross, currency));
        return p;
    }

    /**
     * The journal entry of a received payment: Dr clearing (net), Dr fees, Dr IVA withheld; Cr sales (gross less
     * IVA), Cr IVA output. Debits and credits both total the gross amount.
     */
    public List<Map<String, Object>> paymentJournal(Map<String, Object> posting) {
        String pa = (String) posting.get("paymentIntentId");
        String currency = (String) posting.get("currency");
        long gross = (Long) posting.get("grossCents");
        long fee = (Long) posting.get("feeCents");
        long vatWithheld = (Long) posting.get("vatWithheldCents");
        long iva = Money.ivaIncluded(gross);
        String entry = "PAY-" + pa;
        String memo = "Recurrente payment " + pa + " (" + posting.get("taxId") + ")";
        List<Map<String, Object>> lines = new ArrayList<>();
        line(lines, entry, 1, "PAYMENT", pa, ChartOfAccounts.RECURRENTE_CLEARING, gross - fee - vatWithheld, 0, currency, memo);
        line(lines, entry, 2, "PAYMENT", pa, ChartOfAccounts.RECURRENTE_FEES, fee, 0, currency, memo);
        line(lines, entry, 3, "PAYMENT", pa, ChartOfAccounts.VAT_WITHHELD_RECEIVABLE, vatWithheld, 0, currency, memo);
        line(lines, entry, 4, "PAYMENT", pa, ChartOfAccounts.SALES, 0, gross - iva, currency, memo);
        line(lines, entry, 5, "PAYMENT", pa, ChartOfAccounts.VAT_OUTPUT, 0, iva, currency, memo);
        return lines;
    }

    /** A pending bank transfer: Dr bank transfers pending, Cr pending collections (suspense). */
    public List<Map<String, Object>> receivableJournal(Map<String, Object> posting) {
        String id = (String) posting.get("paymentIntentId");
        long gross = (Long) posting.get("grossCents");
        String currency = (String) posting.get("currency");
        String entry = "RCV-" + id;
        String memo = "Bank transfer pending " + id;
        List<Map<String, Object>> lines = new ArrayList<>();
        line(lines, entry, 1, "RECEIVABLE", id, ChartOfAccounts.BANK_TRANSFERS_IN_TRANSIT, gross, 0, currency, memo);
        line(lines, entry, 2, "RECEIVABLE", id, ChartOfAccounts.PENDING_TRANSFERS_SUSPENSE, 0, gross, currency, memo);
        return lines;
    }

    /**
     * Releases a pending receivable, the mirror of {@link #receivableJournal}: {@code REVERSAL} when the transfer
     * failed, {@code SETTLEMENT} when it arrived (the payment itself is posted by {@link #paymentJournal}).
     */
    public List<Map<String, Object>> receivableRelease(Map<String, Object> receivable, String kind) {
        String id = (String) receivable.get("paymentIntentId");
        long amount = ((Number) receivable.get("amountCents")).longValue();
        String currency = (String) receivable.get("currency");
        String type = "SETTLEMENT".equals(kind) ? "RECEIVABLE_SETTLEMENT" : "RECEIVABLE_REVERSAL";
        String entry = ("SETTLEMENT".equals(kind) ? "RCV-SET-" : "RCV-REV-") + id;
        String memo = ("SETTLEMENT".equals(kind) ? "Bank transfer received " : "Bank transfer failed, reversed ") + id;
        List<Map<String, Object>> lines = new ArrayList<>();
        line(lines, entry, 1, type, id, ChartOfAccounts.PENDING_TRANSFERS_SUSPENSE, amount, 0, currency, memo);
        line(lines, entry, 2, type, id, ChartOfAccounts.BANK_TRANSFERS_IN_TRANSIT, 0, amount, currency, memo);
        return lines;
    }

    /**
     * @return true when the refund carries both amounts the reference documents
     * ({@code customer_refunded_amount_in_cents}, {@code account_refunded_amount_in_cents}): only then can it be booked
     */
    public static boolean amountsKnown(Refund refund) {
        return refund != null && refund.getId() != null && refund.getCustomerRefundedAmountInCents() != null
               && refund.getAccountRefundedAmountInCents() != null;
    }

    /** {@link #amountsKnown} for the routes (bean method call on the body). */
    public boolean hasAmounts(Refund refund) {
        return amountsKnown(refund);
    }

    /** The negation of {@link #hasAmounts}. */
    public boolean lacksAmounts(Refund refund) {
        return !amountsKnown(refund);
    }

    /**
     * The ledger view of a refund as the API answered it ({@code recurrente:createRefund} or {@code getRefund}): the
     * amounts are what the API says was refunded to the customer and debited from the account, never what was asked.
     *
     * @throws IllegalArgumentException when an amount is missing ({@link #amountsKnown}): never a credit note of 0
     */
    public Map<String, Object> refundPosting(Refund refund, String paymentIntentId) {
        if (!amountsKnown(refund)) {
            throw new IllegalArgumentException("Refund " + (refund == null ? null : refund.getId())
                    + " has no customer_refunded_amount_in_cents and account_refunded_amount_in_cents: not booked");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("refundId", refund.getId());
        r.put("paymentIntentId", paymentIntentId);
        r.put("status", refund.getStatus());
        r.put("customerRefundedCents", refund.getCustomerRefundedAmountInCents());
        r.put("accountRefundedCents", refund.getAccountRefundedAmountInCents());
        r.put("currency", refund.getCurrency() == null ? "GTQ" : refund.getCurrency());
        r.put("creditNoteEntryId", "CN-" + refund.getId());
        r.put("booked", true);
        return r;
    }

    /**
     * The credit note of a refund: Dr sales returns (refund less IVA), Dr IVA output; Cr Recurrente clearing (what
     * the account is debited); the difference to what the customer got goes to Recurrente fees.
     */
    public List<Map<String, Object>> refundJournal(Map<String, Object> refund) {
        String re = (String) refund.get("refundId");
        String currency = (String) refund.get("currency");
        long customer = (Long) refund.get("customerRefundedCents");
        long account = (Long) refund.get("accountRefundedCents");
        long iva = Money.ivaIncluded(customer);
        long feeDifference = customer - account;
        String entry = "CN-" + re;
        String memo = "Credit note for refund " + re + " of " + refund.get("paymentIntentId");
        List<Map<String, Object>> lines = new ArrayList<>();
        line(lines, entry, 1, "REFUND", re, ChartOfAccounts.SALES_RETURNS, customer - iva, 0, currency, memo);
        line(lines, entry, 2, "REFUND", re, ChartOfAccounts.VAT_OUTPUT, iva, 0, currency, memo);
        line(lines, entry, 3, "REFUND", re, ChartOfAccounts.RECURRENTE_CLEARING, 0, account, currency, memo);
        line(lines, entry, 4, "REFUND", re, ChartOfAccounts.RECURRENTE_FEES,
                feeDifference < 0 ? -feeDifference : 0, feeDifference > 0 ? feeDifference : 0, currency, memo);
        return lines;
    }

    /** The subscriptions-table row of a {@code subscription.*} event. */
    public Map<String, Object> subscriptionRow(SubscriptionEvent event) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("subscriptionId", event.getId());
        s.put("eventType", event.getEventType());
        String status = event.getStatus();
        if (status == null && event.getEventType() != null) {
            status = switch (event.getEventType()) {
                case "subscription.create", "subscription.unpause" -> "active";
                case "subscription.paused", "subscription.pause" -> "paused";
                case "subscription.cancel" -> "cancelled";
                case "subscription.past_due" -> "past_due";
                default -> "unknown";
            };
        }
        s.put("status", status);
        s.put("customerId", event.getCustomerId());
        s.put("customerEmail", event.getCustomerEmail());
        s.put("customerName", event.getCustomerName());
        String productName = event.getProduct() == null ? null : event.getProduct().getName();
        s.put("productName", productName == null ? "Subscription" : productName);
        return s;
    }

    /** The request for the FEL certifier, from a {@code payments} row read by the invoicing route. */
    public Map<String, Object> felRequest(Map<String, Object> payment) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("reference", payment.get("paymentIntentId"));
        r.put("buyer_tax_id", blankToDefault((String) payment.get("taxId"), FINAL_CONSUMER));
        r.put("buyer_name", blankToDefault((String) payment.get("taxName"), FINAL_CONSUMER));
        r.put("buyer_email", payment.get("customerEmail"));
        r.put("currency", payment.get("currency"));
        long gross = ((Number) payment.get("grossCents")).longValue();
        r.put("total_in_cents", gross);
        r.put("vat_in_cents", Money.ivaIncluded(gross));
        r.put("description", "Pago " + payment.get("paymentIntentId"));
        return r;
    }

    /** Cuts a text (e.g. an error message for the dead-letter table) to a column size. */
    public static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static void line(List<Map<String, Object>> lines, String entryId, int lineNo, String entryType,
                             String sourceId, ChartOfAccounts account, long debit, long credit, String currency,
                             String memo) {
        if (debit == 0 && credit == 0) {
            return;
        }
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("entryId", entryId);
        l.put("lineNo", lineNo);
        l.put("entryType", entryType);
        l.put("sourceId", sourceId);
        l.put("accountCode", account.code());
        l.put("accountName", account.displayName());
        l.put("debitCents", debit);
        l.put("creditCents", credit);
        l.put("currency", currency);
        l.put("memo", memo);
        lines.add(l);
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
