package io.github.camelrecurrente.examples.invoicing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.github.camelrecurrente.examples.invoicing.fel.Attempt;
import io.github.camelrecurrente.examples.invoicing.fel.Buyer;
import io.github.camelrecurrente.examples.invoicing.fel.BuyerId;
import io.github.camelrecurrente.examples.invoicing.fel.CertifiedDocument;
import io.github.camelrecurrente.examples.invoicing.fel.EmissionTime;
import io.github.camelrecurrente.examples.invoicing.fel.FelInvoicing;
import io.github.camelrecurrente.examples.invoicing.fel.FelRefusal;
import io.github.camelrecurrente.examples.invoicing.fel.FelRejection;
import io.github.camelrecurrente.examples.invoicing.fel.FelUnavailable;
import io.github.camelrecurrente.examples.invoicing.fel.OriginalDocument;
import io.github.camelrecurrente.examples.invoicing.fel.Sale;
import io.github.camelrecurrente.examples.invoicing.fel.SaleItem;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.SqlRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credit notes (NCRE) of refunds of invoiced payments (bean {@code refundCredits},
 * routes/invoicing/fel-credit-notes.yaml): each succeeded refund with {@code credit_status PENDING} is credited
 * against its payment's certified FACT ({@link FelInvoicing#creditRefund}, identificador {@code NCRE-<refund id>},
 * so a repeat gets INFILE's original), and the NCRE stored on the refund ({@code ISSUED}).
 * <p>
 * Our choices: the refunded amount ({@code customer_refunded_cents}) as one service line "Reembolso &lt;refund id&gt;"
 * to the invoice's receptor, motivo "Reembolso"; the emission time is the refund's ({@code created_at}) while it is
 * less than 4 days old, else now ({@link EmissionTime#forPayment}). A refund waits while its payment's invoice is
 * still to come (invoice_status PENDING, or dead-lettered: credited once the replay certifies it); it is
 * {@code NOT_APPLICABLE} when the payment is not in the ledger, was finished without an invoice
 * ({@code fel.certifier=off} then) or its invoice was cancelled. A refusal or rejection goes to the FEL dead letters
 * ({@code DEAD}); INFILE unavailable (or any other failure) leaves it {@code PENDING} for the next run.
 */
public final class RefundCredits {

    private static final Logger LOG = LoggerFactory.getLogger(RefundCredits.class);

    /** The motivo of every NCRE (our choice). */
    static final String MOTIVO = "Reembolso";

    /** The description of the NCRE's single line (our choice), followed by the refund's id. */
    static final String DESCRIPTION = "Reembolso ";

    private final DataSource dataSource;
    private final FelOutbox outbox;
    private final FelInvoicing fel;
    private final Clock clock;

    /** @param fel the invoicing client, or null with {@code fel.certifier=off} (then nothing is credited) */
    public RefundCredits(DataSource dataSource, FelOutbox outbox, FelInvoicing fel, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.fel = fel;
        this.clock = clock;
    }

    /**
     * Credits every pending refund once (one run at a time in this JVM; the route runs on one node).
     *
     * @return counts: {@code issued}, {@code notApplicable}, {@code deadLettered}, {@code retryLater}
     */
    public synchronized Map<String, Object> creditPending() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("issued", 0);
        counts.put("notApplicable", 0);
        counts.put("deadLettered", 0);
        counts.put("retryLater", 0);
        if (fel == null) {
            return counts;
        }
        List<Map<String, Object>> rows = SqlRows.read(
                dataSource,
                "FEL credit notes",
                "select r.refund_id as \"refundId\", r.payment_intent_id as \"paymentIntentId\","
                        + " r.customer_refunded_cents as \"cents\", r.currency as \"currency\", r.created_at as"
                        + " \"createdAt\", p.payment_intent_id as \"paymentFound\", p.invoice_status as"
                        + " \"invoiceStatus\", p.invoice_uuid as \"uuid\", p.invoice_serie as \"serie\","
                        + " p.invoice_numero as \"numero\", p.fel_emitted_at as \"emittedAt\", p.invoice_receptor as"
                        + " \"receptor\", p.currency as \"invoiceCurrency\", p.invoice_grand_total as \"grandTotal\","
                        + " p.invoice_iva_total as \"ivaTotal\", p.invoice_cancelled_at as \"cancelledAt\","
                        + " p.tax_name as \"taxName\", p.customer_email as \"email\" from refunds r left join payments"
                        + " p on p.payment_intent_id = r.payment_intent_id where r.status = 'succeeded' and"
                        + " r.credit_status = 'PENDING' order by r.created_at, r.refund_id");
        for (Map<String, Object> row : rows) {
            String outcome = credit(row);
            if (outcome != null) {
                counts.merge(outcome, 1, (a, b) -> (Integer) a + (Integer) b);
            }
        }
        return counts;
    }

    /** @return the count the refund adds to, or null when it waits for its payment's invoice */
    private String credit(Map<String, Object> row) {
        String refundId = (String) row.get("refundId");
        String paymentId = (String) row.get("paymentIntentId");
        if (row.get("paymentFound") == null || row.get("cancelledAt") != null) {
            notApplicable(refundId);
            return "notApplicable";
        }
        if (row.get("uuid") == null || row.get("grandTotal") == null) {
            String status = (String) row.get("invoiceStatus");
            if ("DONE".equals(status) || "PUSHED".equals(status)) {
                notApplicable(refundId);
                return "notApplicable";
            }
            return null;
        }
        try {
            BuyerId receptor = PaymentInvoices.receptor((String) row.get("receptor"));
            String taxName = (String) row.get("taxName");
            Buyer buyer = new Buyer(
                    receptor,
                    receptor.isFinalConsumer()
                            ? Buyer.FINAL_CONSUMER_NAME
                            : taxName == null || taxName.isBlank() ? receptor.value() : taxName,
                    (String) row.get("email"));
            Instant emittedAt = EmissionTime.forPayment(PaymentInvoices.instant(row.get("createdAt")), clock.instant());
            Sale sale = new Sale(
                    buyer,
                    (String) row.get("currency"),
                    List.of(SaleItem.service(
                            DESCRIPTION + refundId, BigDecimal.valueOf(((Number) row.get("cents")).longValue(), 2))),
                    emittedAt);
            OriginalDocument invoice = new OriginalDocument(
                    (String) row.get("uuid"),
                    (String) row.get("serie"),
                    (String) row.get("numero"),
                    EmissionTime.inGuatemala(PaymentInvoices.instant(row.get("emittedAt"))),
                    receptor,
                    (String) row.get("invoiceCurrency"),
                    (BigDecimal) row.get("grandTotal"),
                    (BigDecimal) row.get("ivaTotal"));
            CertifiedDocument ncre =
                    fel.creditRefund(refundId, sale, invoice, alreadyCredited(paymentId), MOTIVO, Attempt.FIRST);
            recordIssued(refundId, ncre);
            LOG.info("FEL: refund {} credited: NCRE {}-{} ({})", refundId, ncre.serie(), ncre.numero(), ncre.uuid());
            return "issued";
        } catch (FelRefusal | FelRejection e) {
            outbox.deadLetterCredit(paymentId, refundId, e);
            return "deadLettered";
        } catch (FelUnavailable e) {
            LOG.warn("FEL: the credit note of refund {} waits for the next run: {}", refundId, e.reason());
            return "retryLater";
        } catch (RuntimeException e) {
            LOG.warn("FEL: the credit note of refund {} waits for the next run: {}", refundId, e.getMessage());
            return "retryLater";
        }
    }

    /** The total of the NCREs already certified against the payment's invoice. */
    private BigDecimal alreadyCredited(String paymentId) {
        Object total = SqlRows.read(
                        dataSource,
                        "FEL credit notes",
                        "select coalesce(sum(credit_grand_total), 0) as \"total\" from refunds where"
                                + " payment_intent_id = ? and credit_status = 'ISSUED'",
                        paymentId)
                .get(0)
                .get("total");
        return total instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(total));
    }

    private void recordIssued(String refundId, CertifiedDocument ncre) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update refunds set credit_status = 'ISSUED', credit_uuid"
                        + " = ?, credit_serie = ?, credit_numero = ?, credit_pdf_url = ?, credit_grand_total = ?,"
                        + " credited_at = ? where refund_id = ? and credit_status = 'PENDING'")) {
            u.setString(1, ncre.uuid());
            u.setString(2, ncre.serie());
            u.setString(3, ncre.numero());
            u.setString(4, ncre.pdfUrl());
            u.setBigDecimal(5, ncre.asOriginal().grandTotal());
            u.setObject(6, LedgerDatabase.utc(clock.instant()));
            u.setString(7, refundId);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "refund " + refundId + " was credited at the certifier (" + ncre.uuid()
                            + ") but the ledger could not record it: " + e.getMessage()
                            + "; the next run sends it again and gets the same NCRE",
                    e);
        }
    }

    private void notApplicable(String refundId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update refunds set credit_status = 'NOT_APPLICABLE'"
                        + " where refund_id = ? and credit_status = 'PENDING'")) {
            u.setString(1, refundId);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record refund " + refundId + ": " + e.getMessage(), e);
        }
    }
}
