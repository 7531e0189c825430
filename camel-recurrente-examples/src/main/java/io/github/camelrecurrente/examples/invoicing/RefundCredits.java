package io.github.camelrecurrente.examples.invoicing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.github.camelrecurrente.examples.invoicing.FelOutbox.Step;
import io.github.camelrecurrente.examples.invoicing.fel.Attempt;
import io.github.camelrecurrente.examples.invoicing.fel.Buyer;
import io.github.camelrecurrente.examples.invoicing.fel.BuyerId;
import io.github.camelrecurrente.examples.invoicing.fel.CertifiedDocument;
import io.github.camelrecurrente.examples.invoicing.fel.EmissionTime;
import io.github.camelrecurrente.examples.invoicing.fel.FelDocument;
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
 * ({@code DEAD}, the dead letter naming the refund: {@code fel_dead_letters.refund_id}); INFILE unavailable (or any
 * other failure) leaves it {@code PENDING} for the next run. The operator replays a {@code DEAD} one with
 * {@link FelReplay} ({@code refund_id}).
 * <p>
 * Exactly once across a lost answer or a crash (V22): SAT's rules are checked first (a refusal starts nothing), then
 * the start of the certification is committed on the refund ({@code credit_effect_step CERTIFY}, node, time, and the
 * emission time, kept for every later try) before the request; the statement that records the NCRE clears it. A
 * refund read with the marker set is in doubt: an earlier try may have reached INFILE (its answer was lost, or the node
 * died before the commit), so the NCRE is looked up by identificador first ({@link Attempt#inDoubt}) and sent only
 * when INFILE has none; the resolution ({@code LOOKUP_FOUND} or {@code LOOKUP_NONE}, step {@code CREDIT}) goes to the
 * effect journal {@code fel_in_doubt} with the refund's id, as the payments' steps do.
 * <p>
 * The buyer's mail (routes/email/email-notifications.yaml, {@code email-credit-note}): {@link #toMail()} answers the
 * NCREs certified and not mailed yet, {@link #beginMail} claims one for this run (the journal's step {@code MAIL} on
 * the refund: two runs at once, the timer's and one on demand, never both mail it; a marker older than
 * {@code fel.claim.lease} is a node that stopped while mailing, in doubt: {@code email_log} tells whether the mail was
 * handed to SMTP, {@code RECEIPT_LOGGED}, else it is sent again with the same Message-ID, {@code RECEIPT_RESENT}),
 * {@link #recordMailed} records {@code SENT}, {@code NO_ADDRESS} or {@code WITHHELD}; the {@code email_log} key
 * ({@code CREDIT_NOTE}, refund id) makes it one mail per NCRE.
 */
public final class RefundCredits {

    private static final Logger LOG = LoggerFactory.getLogger(RefundCredits.class);

    /** The motivo of every NCRE (our choice). */
    static final String MOTIVO = "Reembolso";

    /** The description of the NCRE's single line (our choice), followed by the refund's id. */
    static final String DESCRIPTION = "Reembolso ";

    /** The step of an NCRE's certification in the effect journal ({@code fel_in_doubt.step}). */
    public static final String STEP = "CREDIT";

    /** The step of an NCRE's mail to the buyer in the effect journal ({@code fel_in_doubt.step}). */
    public static final String MAIL_STEP = "CREDIT_MAIL";

    /** The mail outcomes ({@code refunds.credit_mail_status}). */
    static final List<String> MAIL_STATUSES = List.of("SENT", "NO_ADDRESS", "WITHHELD");

    private final DataSource dataSource;
    private final FelOutbox outbox;
    private final FelInvoicing fel;
    private final Clock clock;
    private final Duration mailLease;

    /**
     * @param fel the invoicing client, or null with {@code fel.certifier=off} (then nothing is credited)
     * @param mailLease how long a run's claim to mail an NCRE holds ({@code fel.claim.lease}): after it, the mail is in
     *     doubt and another run takes it over
     */
    public RefundCredits(DataSource dataSource, FelOutbox outbox, FelInvoicing fel, Clock clock, Duration mailLease) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.fel = fel;
        this.clock = clock;
        this.mailLease = mailLease;
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
                        + " p.tax_name as \"taxName\", p.customer_email as \"email\", r.credit_effect_step as"
                        + " \"effectStep\", r.credit_effect_node as \"effectNode\", r.credit_effect_started_at as"
                        + " \"effectStartedAt\", r.credit_emitted_at as \"creditEmittedAt\", r.credit_revision as"
                        + " \"revision\" from refunds r left join payments p on p.payment_intent_id ="
                        + " r.payment_intent_id where r.status = 'succeeded' and r.credit_status = 'PENDING' order by"
                        + " r.created_at, r.refund_id");
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
            Instant kept = PaymentInvoices.instant(row.get("creditEmittedAt"));
            Instant emittedAt = kept != null
                    ? kept
                    : EmissionTime.forPayment(PaymentInvoices.instant(row.get("createdAt")), clock.instant());
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
            int revision = row.get("revision") instanceof Number n ? n.intValue() : 0;
            // SAT's rules first: a refused NCRE is never sent, and no step is started for it
            FelDocument document =
                    fel.documents().creditNote(refundId, sale, invoice, alreadyCredited(paymentId), MOTIVO, revision);
            boolean inDoubt = Step.CERTIFY.name().equals(row.get("effectStep"));
            beginCertify(refundId, emittedAt);
            CertifiedDocument ncre =
                    fel.certify(document, inDoubt ? Attempt.inDoubt(revision) : new Attempt(revision, false));
            if (inDoubt) {
                boolean found = ncre.origin() == CertifiedDocument.Origin.LOOKED_UP;
                inDoubt(
                        row,
                        STEP,
                        found ? FelOutbox.Resolution.LOOKUP_FOUND : FelOutbox.Resolution.LOOKUP_NONE,
                        found
                                ? "INFILE has it (look-up by identificador): taken, not sent again"
                                : "INFILE has no NCRE with this identificador: certified now");
            }
            recordIssued(refundId, ncre);
            LOG.info("FEL: refund {} credited: NCRE {}-{} ({})", refundId, ncre.serie(), ncre.numero(), ncre.uuid());
            return "issued";
        } catch (FelRefusal | FelRejection e) {
            outbox.deadLetterCredit(paymentId, refundId, e);
            tagDeadLetter(paymentId, refundId);
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

    /**
     * The NCREs certified and not mailed yet, and not being mailed by another run (or whose mail is in doubt), oldest
     * first (at most 100 a run): {@code refundId}, {@code paymentIntentId}, {@code cents}, {@code currency},
     * {@code serie}, {@code numero}, {@code uuid}, {@code pdfUrl}, {@code verificationUrl}, {@code invoiceSerie},
     * {@code invoiceNumero}, {@code customerEmail} (null: none), {@code customerName}, and the marker
     * {@code effectStep}, {@code effectNode}, {@code effectStartedAt} (for {@link #beginMail}).
     */
    public List<Map<String, Object>> toMail() {
        List<Map<String, Object>> rows = SqlRows.read(
                dataSource,
                "FEL credit notes to mail",
                "select r.refund_id as \"refundId\", r.payment_intent_id as \"paymentIntentId\","
                        + " r.customer_refunded_cents as \"cents\", r.currency as \"currency\", r.credit_serie as"
                        + " \"serie\", r.credit_numero as \"numero\", r.credit_uuid as \"uuid\", r.credit_pdf_url as"
                        + " \"pdfUrl\", r.credit_verification_url as \"verificationUrl\", p.invoice_serie as"
                        + " \"invoiceSerie\", p.invoice_numero as \"invoiceNumero\", p.customer_email as"
                        + " \"customerEmail\", p.customer_name as \"customerName\", r.credit_effect_step as"
                        + " \"effectStep\", r.credit_effect_node as \"effectNode\", r.credit_effect_started_at as"
                        + " \"effectStartedAt\" from refunds r left join payments p on p.payment_intent_id ="
                        + " r.payment_intent_id where r.credit_status = 'ISSUED' and r.credit_mail_status is null and"
                        + " (r.credit_effect_step is null or r.credit_effect_started_at < ?) order by r.credited_at,"
                        + " r.refund_id fetch first 100 rows only",
                LedgerDatabase.utc(clock.instant().minus(mailLease)));
        for (Map<String, Object> row : rows) {
            Object email = row.get("customerEmail");
            if (email instanceof String e && e.isBlank()) {
                row.put("customerEmail", null);
            }
        }
        return rows;
    }

    /**
     * Claims an NCRE's mail for this run: commits the step {@code MAIL} on the refund before the mail is handed to
     * SMTP. A marker left by a run that stopped (older than the lease) is in doubt: resolved by {@code email_log} (the
     * route's {@code direct:send-email} does not mail again what it logged) and journaled in {@code fel_in_doubt}.
     *
     * @param credit a row of {@link #toMail()}
     * @return false when another run has it (or it was mailed meanwhile): skip it
     */
    public boolean beginMail(Map<String, Object> credit) {
        String refundId = (String) credit.get("refundId");
        Instant now = clock.instant();
        int claimed = update(
                "record the start of the mail of refund " + refundId,
                "update refunds set credit_effect_step = ?, credit_effect_node = ?, credit_effect_started_at = ? where"
                        + " refund_id = ? and credit_status = 'ISSUED' and credit_mail_status is null and"
                        + " (credit_effect_step is null or credit_effect_started_at < ?)",
                Step.MAIL.name(),
                outbox.nodeId(),
                LedgerDatabase.utc(now),
                refundId,
                LedgerDatabase.utc(now.minus(mailLease)));
        if (claimed == 1 && Step.MAIL.name().equals(credit.get("effectStep"))) {
            long logged = SqlRows.number(
                    dataSource,
                    "FEL credit note mails",
                    "select count(*) from email_log where kind = 'CREDIT_NOTE' and reference_id = ?",
                    refundId);
            inDoubt(
                    credit,
                    MAIL_STEP,
                    logged > 0 ? FelOutbox.Resolution.RECEIPT_LOGGED : FelOutbox.Resolution.RECEIPT_RESENT,
                    logged > 0
                            ? "email_log shows it handed to SMTP: not mailed again"
                            : "mailed again with the same Message-ID (SMTP offers no read)");
        }
        return claimed == 1;
    }

    /**
     * Records how an NCRE's mail ended (once: a repeat changes nothing), and the end of its {@code MAIL} step.
     *
     * @param status {@code SENT}, {@code NO_ADDRESS} (the payment has no e-mail) or {@code WITHHELD} (a stand-in's
     *     NCRE in real-API mode)
     */
    public void recordMailed(String refundId, String status) {
        if (!MAIL_STATUSES.contains(status)) {
            throw new IllegalArgumentException("mail status " + status + " is not one of " + MAIL_STATUSES);
        }
        update(
                "record the mail of refund " + refundId,
                "update refunds set credit_mail_status = ?, credit_effect_step = null where refund_id = ? and"
                        + " credit_mail_status is null",
                status,
                refundId);
    }

    /** Commits the start of the NCRE's certification (the marker) with the emission time every later try sends. */
    private void beginCertify(String refundId, Instant emittedAt) {
        update(
                "record the start of the credit note of refund " + refundId,
                "update refunds set credit_effect_step = ?, credit_effect_node = ?, credit_effect_started_at = ?,"
                        + " credit_emitted_at = ? where refund_id = ? and credit_status = 'PENDING'",
                Step.CERTIFY.name(),
                outbox.nodeId(),
                LedgerDatabase.utc(clock.instant()),
                LedgerDatabase.utc(emittedAt),
                refundId);
    }

    /** One {@code fel_in_doubt} row (the refund's step in doubt) and one WARN line per marker resolved. */
    private void inDoubt(Map<String, Object> row, String step, FelOutbox.Resolution resolution, String meaning) {
        Object startedAt = row.get("effectStartedAt") instanceof java.sql.Timestamp t
                ? t.toLocalDateTime()
                : row.get("effectStartedAt");
        String refundId = (String) row.get("refundId");
        int inserted = update(
                "record the in-doubt " + step + " of refund " + refundId,
                "insert into fel_in_doubt (payment_intent_id, refund_id, step, started_by, started_at, resolved_by,"
                        + " resolved_at, resolution) select ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from"
                        + " fel_in_doubt where payment_intent_id = ? and step = ? and started_at = ?)",
                row.get("paymentIntentId"),
                refundId,
                step,
                row.get("effectNode") == null ? "unknown" : row.get("effectNode"),
                startedAt,
                outbox.nodeId(),
                LedgerDatabase.utc(clock.instant()),
                resolution.name(),
                row.get("paymentIntentId"),
                step,
                startedAt);
        if (inserted == 1) {
            LOG.warn(
                    "FEL: {} of refund {} in doubt (started by {} at {} UTC, never recorded): {} ({})",
                    step,
                    refundId,
                    row.get("effectNode"),
                    startedAt,
                    resolution,
                    meaning);
        }
    }

    /** Names the refund on the dead letter {@link FelOutbox#deadLetterCredit} just wrote. */
    private void tagDeadLetter(String paymentId, String refundId) {
        update(
                "name refund " + refundId + " on its dead letter",
                "update fel_dead_letters set refund_id = ? where refund_id is null and replayed_at is null and"
                        + " payment_intent_id = ? and error_message like ? escape '!'",
                refundId,
                paymentId,
                FelReplay.creditNoteMessagePrefix(refundId) + "%");
    }

    private void recordIssued(String refundId, CertifiedDocument ncre) {
        try {
            update(
                    "record the credit note of refund " + refundId,
                    "update refunds set credit_status = 'ISSUED', credit_uuid = ?, credit_serie = ?, credit_numero ="
                            + " ?, credit_pdf_url = ?, credit_verification_url = ?, credit_grand_total = ?,"
                            + " credited_at = ?, credit_effect_step = null where refund_id = ? and credit_status ="
                            + " 'PENDING'",
                    ncre.uuid(),
                    ncre.serie(),
                    ncre.numero(),
                    ncre.pdfUrl(),
                    ncre.verificationUrl(),
                    ncre.asOriginal().grandTotal(),
                    LedgerDatabase.utc(clock.instant()),
                    refundId);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "refund " + refundId + " was credited at the certifier (" + ncre.uuid()
                            + ") but the ledger could not record it: " + e.getMessage()
                            + "; the next run looks it up by identificador and takes it",
                    e);
        }
    }

    private void notApplicable(String refundId) {
        update(
                "record refund " + refundId,
                "update refunds set credit_status = 'NOT_APPLICABLE' where refund_id = ? and credit_status ="
                        + " 'PENDING'",
                refundId);
    }

    /** @return the rows changed */
    private int update(String what, String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                u.setObject(i + 1, params[i]);
            }
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
