package io.github.camelrecurrente.examples.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.PaymentFields;
import io.github.camelrecurrente.component.model.PaymentIntent;
import io.github.camelrecurrente.component.model.Paymentable;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.TransferSetup;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.BalanceIntentEvent;
import io.github.camelrecurrente.component.model.event.BankTransferIntentEvent;
import io.github.camelrecurrente.component.model.event.SubscriptionEvent;
import org.apache.camel.Body;
import org.apache.camel.Variable;

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

    /** {@code payments.fee_source}: the payment event carried the fee and the IVA withheld. */
    public static final String FEE_FROM_EVENT = "EVENT";
    /** {@code payments.fee_source}: fee and IVA withheld not known yet (their columns are null, nothing booked). */
    public static final String FEE_PENDING = "PENDING";
    /** {@code payments.fee_source}: booked from the answer of PATCH/PUT /payment_intents/{id} (entry FEE-...). */
    public static final String FEE_FROM_PAYMENT_INTENT = "PAYMENT_INTENT";

    /** The ledger view of a {@code payment_intent.*} / {@code bank_transfer_intent.*} event. */
    public Map<String, Object> paymentPosting(AbstractPaymentEvent event) {
        if (event == null || event.getId() == null) {
            throw new IllegalArgumentException("A payment event without an id cannot be posted");
        }
        if (event.getAmountInCents() == null) {
            throw new IllegalArgumentException("Payment event " + event.getId() + " has no amount_in_cents");
        }
        String currency = currencyOf(event.getCurrency(), "Payment event " + event.getId());
        List<Map<String, Object>> transfers = transfers(event, currency);
        long transferred = 0;
        for (Map<String, Object> t : transfers) {
            transferred += (Long) t.get("amountCents");
        }
        // the merchant's own part: what the checkout's transfer_setups move to other accounts is not its revenue
        long gross = event.getAmountInCents() - transferred;
        if (gross <= 0) {
            throw new IllegalArgumentException(
                    "Payment event " + event.getId() + ": its checkout's transfer_setups move "
                            + transferred + " of its amount_in_cents " + event.getAmountInCents()
                            + ": refused (nothing would be the merchant's)");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("paymentIntentId", event.getId());
        p.put("paymentKind", paymentKind(event));
        p.put("eventType", event.getEventType());
        p.put("status", event.getStatus());
        p.put("checkoutId", event.getCheckoutId());
        Customer customer = event.getCustomer();
        String customerId = customer != null && customer.getId() != null
                ? customer.getId()
                : event.getCustomerId() != null ? event.getCustomerId() : event.getUserId();
        p.put("customerId", customerId);
        p.put("customerEmail", customer == null ? null : customer.getEmail());
        p.put(
                "customerName",
                customer == null ? null : customer.getFullName() != null ? customer.getFullName() : customer.getName());
        p.put("currency", currency);
        // when it was paid (the event's created_at, UTC): the reconciliation tells a subscription's charges apart by it
        p.put(
                "paidAt",
                LedgerDatabase.utc(
                        event.getCreatedAt() == null
                                ? Instant.now()
                                : event.getCreatedAt().toInstant()));
        p.put("grossCents", gross);
        p.put("transferredCents", transferred);
        p.put("transfers", transfers);
        // fee and IVA withheld only when the event carries both (bank transfer events and the payments the
        // reconciliation rebuilds do not): else they stay unknown (null) until a documented source gives them
        boolean feeKnown = feeUnknownReason(event, currency, gross) == null;
        p.put("feeCents", feeKnown ? event.getFee() : null);
        p.put("vatWithheldCents", feeKnown ? event.getVatWithheld() : null);
        p.put("netCents", feeKnown ? gross - event.getFee() - event.getVatWithheld() : null);
        p.put("feeSource", feeKnown ? FEE_FROM_EVENT : FEE_PENDING);
        Paymentable payer =
                event.getPayment() == null ? null : event.getPayment().getPaymentable();
        p.put("taxId", blankToDefault(payer == null ? null : payer.getTaxId(), FINAL_CONSUMER));
        p.put("taxName", blankToDefault(payer == null ? null : payer.getTaxName(), FINAL_CONSUMER));
        p.put("subscriptionId", event.isSubscriptionPayment() && payer != null ? payer.getId() : null);
        p.put("failureReason", event.getFailureReason());
        p.put("amountFormatted", Money.format(gross, currency));
        return p;
    }

    /**
     * The amounts a payment's checkout moves to other accounts ({@code checkout.transfer_setups}: amount and
     * recipient), as rows of {@code connected_account_amounts} (kind {@code TRANSFER_SETUP}).
     *
     * @throws IllegalArgumentException when a transfer setup has no positive {@code amount_in_cents}
     */
    static List<Map<String, Object>> transfers(AbstractPaymentEvent event, String currency) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<TransferSetup> setups =
                event.getCheckout() == null ? null : event.getCheckout().getTransferSetups();
        if (setups == null) {
            return rows;
        }
        int line = 1;
        for (TransferSetup t : setups) {
            if (t == null) {
                continue;
            }
            if (t.getAmountInCents() == null || t.getAmountInCents() <= 0) {
                throw new IllegalArgumentException("Payment event " + event.getId() + ": a transfer setup of checkout "
                        + event.getCheckoutId() + " has no positive amount_in_cents: refused (the merchant's part"
                        + " is unknown)");
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sourceId", event.getId());
            r.put("lineNo", line++);
            r.put("kind", "TRANSFER_SETUP");
            r.put("accountId", t.getRecipientId());
            r.put("eventType", event.getEventType());
            r.put("checkoutId", event.getCheckoutId());
            r.put("currency", currency);
            r.put("amountCents", t.getAmountInCents());
            r.put("recordedAt", LedgerDatabase.utc(Instant.now()));
            rows.add(r);
        }
        return rows;
    }

    /**
     * The record of a connected (child) account's payment event ({@code connected_account_amounts}, kind
     * {@code CONNECTED_ACCOUNT}): not the merchant's revenue, never invoiced in its name.
     */
    public Map<String, Object> connectedAccountAmount(AbstractPaymentEvent event) {
        if (event == null || event.getId() == null) {
            throw new IllegalArgumentException("A payment event without an id cannot be recorded");
        }
        if (event.getAmountInCents() == null) {
            throw new IllegalArgumentException("Payment event " + event.getId() + " has no amount_in_cents");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sourceId", event.getId());
        r.put("lineNo", 1);
        r.put("kind", "CONNECTED_ACCOUNT");
        r.put("accountId", event.getAccountId());
        r.put("eventType", event.getEventType());
        r.put("checkoutId", event.getCheckoutId());
        r.put("currency", currencyOf(event.getCurrency(), "Payment event " + event.getId()));
        r.put("amountCents", event.getAmountInCents());
        r.put("recordedAt", LedgerDatabase.utc(Instant.now()));
        return r;
    }

    /** {@code payments.payment_kind}: what kind of payment an event reports. */
    public static final String CARD = "card";

    public static final String BANK_TRANSFER = "bank_transfer";
    public static final String BALANCE = "balance";

    /**
     * @return {@value #BANK_TRANSFER} ({@code bank_transfer_intent.*}), {@value #BALANCE} ({@code balance_intent.*})
     * or {@value #CARD} ({@code payment_intent.*}); only a card payment's id names a payment intent that
     * {@code PATCH /payment_intents/{id}} is documented for
     */
    public static String paymentKind(AbstractPaymentEvent event) {
        if (event instanceof BankTransferIntentEvent) {
            return BANK_TRANSFER;
        }
        return event instanceof BalanceIntentEvent ? BALANCE : CARD;
    }

    /**
     * The currency of a payment or refund: required, three letters. Nothing is booked in a default currency: a
     * payment event or refund without one is refused (the webhook delivery goes to the inbox's DEAD state after its
     * retries, a refund to the refund dead letters).
     *
     * @throws IllegalArgumentException naming the field and the rule
     */
    public static String currencyOf(String currency, String what) {
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException(what + " has no currency: refused (currency is required; nothing is"
                    + " booked in a default currency)");
        }
        String c = currency.trim().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(what + " has currency \"" + truncate(currency, 16)
                    + "\": refused (currency must be three letters)");
        }
        return c;
    }

    /**
     * The journal entry of a received payment: Dr clearing (net), Dr fees, Dr IVA withheld; Cr sales (gross less
     * IVA), Cr IVA output. Debits and credits both total the gross amount. With the fee unknown (null): Dr clearing
     * (gross); the fee and the IVA withheld are booked later by {@link #feeJournal}.
     */
    public List<Map<String, Object>> paymentJournal(Map<String, Object> posting) {
        return paymentJournal(posting, posting);
    }

    /**
     * The journal entry of a posting as the payments row stores it ({@code sql/payment-fee-select.sql}): the fee
     * lines only when the row's fee came with the event ({@code fee_source} EVENT); a fee booked later is in its own
     * entry ({@link #feeJournal}). So a re-posted payment (a late webhook after the reconciliation) gives the same
     * lines as the first posting, and line-level idempotency never adds fee lines to an entry posted without them.
     */
    public List<Map<String, Object>> paymentJournal(Map<String, Object> posting, List<Map<String, Object>> stored) {
        if (stored == null || stored.isEmpty()) {
            throw new IllegalStateException("payment " + posting.get("paymentIntentId") + " is not in the ledger");
        }
        return paymentJournal(posting, stored.get(0));
    }

    private List<Map<String, Object>> paymentJournal(Map<String, Object> posting, Map<String, Object> fees) {
        String pa = (String) posting.get("paymentIntentId");
        String currency = (String) posting.get("currency");
        long gross = (Long) posting.get("grossCents");
        Long storedFee = longValue(fees, "feeCents");
        Long storedVat = longValue(fees, "vatWithheldCents");
        boolean withFee =
                FEE_FROM_EVENT.equals(SqlRows.value(fees, "feeSource")) && storedFee != null && storedVat != null;
        long fee = withFee ? storedFee : 0;
        long vatWithheld = withFee ? storedVat : 0;
        long iva = Money.ivaIncluded(gross);
        String entry = "PAY-" + pa;
        String memo = "Recurrente payment " + pa + " (" + posting.get("taxId") + ")";
        List<Map<String, Object>> lines = new ArrayList<>();
        line(
                lines,
                entry,
                1,
                "PAYMENT",
                pa,
                ChartOfAccounts.RECURRENTE_CLEARING,
                gross - fee - vatWithheld,
                0,
                currency,
                memo);
        line(lines, entry, 2, "PAYMENT", pa, ChartOfAccounts.RECURRENTE_FEES, fee, 0, currency, memo);
        line(lines, entry, 3, "PAYMENT", pa, ChartOfAccounts.VAT_WITHHELD_RECEIVABLE, vatWithheld, 0, currency, memo);
        line(lines, entry, 4, "PAYMENT", pa, ChartOfAccounts.SALES, 0, gross - iva, currency, memo);
        line(lines, entry, 5, "PAYMENT", pa, ChartOfAccounts.VAT_OUTPUT, 0, iva, currency, memo);
        return lines;
    }

    /**
     * What to do with the fee and IVA withheld that {@code source} reports for a payment: the answer of
     * {@code PATCH/PUT /payment_intents/{id}} (the FEL push-back) or the payment event just posted. {@code stored}:
     * the payments row ({@code sql/payment-fee-select.sql}). The {@code outcome} key is
     * {@code BOOK} (the row's fee is pending and the source has it: book {@link #feeJournal}, update the row),
     * {@code BOOKED} (already booked, the same amounts), {@code DIFFERS} (already booked with other amounts: reported,
     * nothing changed), {@code PENDING} (still unknown, the source has none), {@code UNKNOWN} (the push-back answer
     * has no usable fee: stays unknown, reported) or {@code NOT_IN_LEDGER}; {@code detail} says why.
     */
    public Map<String, Object> feePosting(
            @Variable("feeSource") PaymentFields source,
            @Variable("feePaymentIntentId") String paymentIntentId,
            @Body List<Map<String, Object>> stored) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("paymentIntentId", paymentIntentId);
        boolean pushBack = source instanceof PaymentIntent;
        String sourceName = pushBack ? FEE_FROM_PAYMENT_INTENT : FEE_FROM_EVENT;
        f.put("feeSource", sourceName);
        if (stored == null || stored.isEmpty()) {
            return outcome(f, "NOT_IN_LEDGER", "payment " + paymentIntentId + " is not in the ledger");
        }
        Map<String, Object> row = stored.get(0);
        String currency = (String) SqlRows.value(row, "currency");
        long gross = longValue(row, "grossCents");
        f.put("currency", currency);
        String reason = source == null ? "no source" : feeUnknownReason(source, currency, gross);
        if (!FEE_PENDING.equals(SqlRows.value(row, "feeSource"))) {
            if (reason != null
                    || (source.getFee().equals(longValue(row, "feeCents"))
                            && source.getVatWithheld().equals(longValue(row, "vatWithheldCents")))) {
                return outcome(f, "BOOKED", null);
            }
            return outcome(
                    f,
                    "DIFFERS",
                    "fee " + source.getFee() + " and IVA withheld " + source.getVatWithheld()
                            + " of " + sourceName + " differ from the booked " + longValue(row, "feeCents") + " and "
                            + longValue(row, "vatWithheldCents") + " (" + SqlRows.value(row, "feeSource")
                            + "): nothing changed");
        }
        if (reason != null) {
            return outcome(
                    f,
                    pushBack ? "UNKNOWN" : "PENDING",
                    "fee and IVA withheld of " + paymentIntentId + " unknown: " + reason);
        }
        f.put("feeCents", source.getFee());
        f.put("vatWithheldCents", source.getVatWithheld());
        f.put("netCents", gross - source.getFee() - source.getVatWithheld());
        return outcome(f, "BOOK", null);
    }

    /**
     * The fee entry of a payment posted with its fee unknown ({@code FEE-<id>}): Dr fees, Dr IVA withheld; Cr
     * Recurrente clearing. With {@link #paymentJournal} it gives the same balances as a payment posted with its fee.
     */
    public List<Map<String, Object>> feeJournal(Map<String, Object> fee) {
        String pa = (String) fee.get("paymentIntentId");
        String currency = (String) fee.get("currency");
        long feeCents = (Long) fee.get("feeCents");
        long vatWithheld = (Long) fee.get("vatWithheldCents");
        String entry = "FEE-" + pa;
        String memo = "Recurrente fee and IVA withheld of " + pa + " (" + fee.get("feeSource") + ")";
        List<Map<String, Object>> lines = new ArrayList<>();
        line(lines, entry, 1, "FEE", pa, ChartOfAccounts.RECURRENTE_FEES, feeCents, 0, currency, memo);
        line(lines, entry, 2, "FEE", pa, ChartOfAccounts.VAT_WITHHELD_RECEIVABLE, vatWithheld, 0, currency, memo);
        line(
                lines,
                entry,
                3,
                "FEE",
                pa,
                ChartOfAccounts.RECURRENTE_CLEARING,
                0,
                feeCents + vatWithheld,
                currency,
                memo);
        return lines;
    }

    /** @return why the fee of {@code source} cannot be booked on a payment of {@code gross}, null when it can */
    private static String feeUnknownReason(PaymentFields source, String currency, long gross) {
        if (source.getFee() == null || source.getVatWithheld() == null) {
            return "the source carries no fee and vat_withheld";
        }
        if (source.getFee() < 0 || source.getVatWithheld() < 0) {
            return "fee and vat_withheld must not be negative, were " + source.getFee() + " and "
                    + source.getVatWithheld();
        }
        if (source.getFee() + source.getVatWithheld() > gross) {
            return "fee " + source.getFee() + " plus vat_withheld " + source.getVatWithheld()
                    + " must not exceed the amount " + gross;
        }
        String vatCurrency = source.getVatWithheldCurrency();
        if (source.getVatWithheld() != 0 && vatCurrency != null && !vatCurrency.equalsIgnoreCase(currency)) {
            return "vat_withheld_currency " + vatCurrency + " is not the payment currency " + currency;
        }
        return null;
    }

    private static Map<String, Object> outcome(Map<String, Object> f, String outcome, String detail) {
        f.put("outcome", outcome);
        f.put("detail", detail);
        return f;
    }

    private static Long longValue(Map<String, Object> row, String key) {
        Object v = SqlRows.value(row, key);
        return v == null ? null : ((Number) v).longValue();
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
        return refund != null
                && refund.getId() != null
                && refund.getCustomerRefundedAmountInCents() != null
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
        // a refund is final only when the API says succeeded; without a status it is pending like "pending"
        // (re-checked)
        r.put("status", refund.getStatus() == null || refund.getStatus().isBlank() ? "pending" : refund.getStatus());
        r.put("customerRefundedCents", refund.getCustomerRefundedAmountInCents());
        r.put("accountRefundedCents", refund.getAccountRefundedAmountInCents());
        r.put("currency", currencyOf(refund.getCurrency(), "Refund " + refund.getId()));
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
        line(
                lines,
                entry,
                4,
                "REFUND",
                re,
                ChartOfAccounts.RECURRENTE_FEES,
                feeDifference < 0 ? -feeDifference : 0,
                feeDifference > 0 ? feeDifference : 0,
                currency,
                memo);
        return lines;
    }

    /**
     * The reversal of a credit note whose refund failed or was voided after it was booked as pending: entry
     * {@code CN-REV-<refund id>}, the lines of {@link #refundJournal} with debits and credits swapped.
     *
     * @param refund a {@code refunds} row ({@code sql/refund-pending-select.sql})
     */
    public List<Map<String, Object>> refundReversal(Map<String, Object> refund) {
        Map<String, Object> posting = new LinkedHashMap<>();
        posting.put("refundId", SqlRows.value(refund, "refundId"));
        posting.put("paymentIntentId", SqlRows.value(refund, "paymentIntentId"));
        posting.put("currency", SqlRows.value(refund, "currency"));
        posting.put("customerRefundedCents", longValue(refund, "customerRefundedCents"));
        posting.put("accountRefundedCents", longValue(refund, "accountRefundedCents"));
        String re = (String) posting.get("refundId");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> l : refundJournal(posting)) {
            Map<String, Object> r = new LinkedHashMap<>(l);
            r.put("entryId", "CN-REV-" + re);
            r.put("entryType", "REFUND_REVERSAL");
            r.put("debitCents", l.get("creditCents"));
            r.put("creditCents", l.get("debitCents"));
            r.put("memo", "Reversal of credit note CN-" + re + ": the refund " + refund.get("newStatus"));
            lines.add(r);
        }
        return lines;
    }

    /** The subscriptions-table row of a {@code subscription.*} event. */
    public Map<String, Object> subscriptionRow(SubscriptionEvent event) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("subscriptionId", event.getId());
        s.put("eventType", event.getEventType());
        // the status follows the events' created_at (a late past_due never reopens a cancelled subscription)
        s.put(
                "eventAt",
                LedgerDatabase.utc(
                        event.getCreatedAt() == null
                                ? Instant.now()
                                : event.getCreatedAt().toInstant()));
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
        String productName =
                event.getProduct() == null ? null : event.getProduct().getName();
        s.put("productName", productName == null ? "Subscription" : productName);
        return s;
    }

    /** Cuts a text (e.g. an error message for the dead-letter table) to a column size. */
    public static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static void line(
            List<Map<String, Object>> lines,
            String entryId,
            int lineNo,
            String entryType,
            String sourceId,
            ChartOfAccounts account,
            long debit,
            long credit,
            String currency,
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
