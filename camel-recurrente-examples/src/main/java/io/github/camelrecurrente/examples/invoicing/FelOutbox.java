package io.github.camelrecurrente.examples.invoicing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;

import io.github.camelrecurrente.examples.inbox.IntakeRate;
import io.github.camelrecurrente.examples.invoicing.fel.FelFailure;
import io.github.camelrecurrente.examples.invoicing.fel.FelRefusal;
import io.github.camelrecurrente.examples.invoicing.fel.FelRejection;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.SqlRows;
import io.github.camelrecurrente.examples.ledger.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FEL invoicing outbox shared by every node (routes/invoicing/fel-invoicing.yaml): the payments not yet invoiced, pushed
 * and mailed ({@code invoice_status} PENDING, ISSUED or PUSHED) are handed out in batches so that each payment is
 * worked on by one node at a time.
 * <ul>
 * <li>{@link #claim()}: in one transaction, {@code SELECT ... FOR UPDATE SKIP LOCKED} picks up to {@code batchSize}
 * unclaimed (or expired) rows, oldest first, and stamps them {@code claimed_by} this node until now + lease. Two nodes
 * claiming at the same moment skip each other's locked rows, so they never get the same payment;</li>
 * <li>{@link #renew(String)}: just before working on a payment the node extends its claim; it answers false when the
 * claim was lost (expired and taken by another node) or the payment is finished, and the payment is skipped
 * ({@link #renewIfDue(Map)}: only once half the lease has passed since the claim, before it the claim cannot have been
 * lost).</li>
 * </ul>
 * A node that dies leaves its claims behind: they expire after the lease ({@code fel.claim.lease}) and another node
 * resumes them from the step they reached (an ISSUED payment is not certified again). Our choice: the lease must be
 * longer than one payment's work including the redelivery back-off ({@code fel.retry.*}); 5 minutes by default.
 * <p>
 * The effect journal (columns {@code effect_*}, table {@code fel_in_doubt}, {@code V5__fel_effects.sql}):
 * <ul>
 * <li>{@link #begin(String, String)}: before each side effect ({@link Step}) the node commits that it started it; the
 * state update that records the effect sets {@code effect_step} back to NULL in the same statement;</li>
 * <li>a payment claimed with {@code effect_step} set ({@code effectStep} in the claimed row) is in doubt for that
 * step: the node that started it stopped before recording it. The step's route decides how to resolve it without
 * repeating the effect where a read exists, and {@link #inDoubt(Map, String)} appends the decision to
 * {@code fel_in_doubt} and logs one WARN line.</li>
 * </ul>
 */
public class FelOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(FelOutbox.class);

    private static final String UNFINISHED = "('PENDING', 'ISSUED', 'PUSHED')";

    /** The side effects of a payment outside the database, in order; each is recorded by the state after it. */
    public enum Step {
        /** the document sent to the FEL certifier (INFILE); recorded by ISSUED. */
        CERTIFY,
        /** PATCH tax_invoice_url at Recurrente; recorded by PUSHED. */
        PUSH,
        /** the receipt handed to SMTP; recorded by DONE. */
        MAIL
    }

    /** How an in-doubt step is resolved: the {@code resolution} column of {@code fel_in_doubt}. */
    public enum Resolution {
        LOOKUP_FOUND(Step.CERTIFY, "the certifier has the invoice (look-up by identificador): taken, not sent again"),
        LOOKUP_NONE(Step.CERTIFY, "the certifier has no invoice with this identificador: certified now"),
        PATCH_REPEATED(Step.PUSH, "tax_invoice_url PATCHed again with the same URL (no documented read of it)"),
        RECEIPT_RESENT(Step.MAIL, "receipt sent again with the same Message-ID (SMTP offers no read)"),
        RECEIPT_LOGGED(Step.MAIL, "email_log shows the receipt handed to SMTP: not sent again");

        final Step step;
        final String meaning;

        Resolution(Step step, String meaning) {
            this.step = step;
            this.meaning = meaning;
        }
    }

    private final DataSource dataSource;
    private final String nodeId;
    private final Duration lease;
    private final int batchSize;
    private IntakeRate intake = new IntakeRate(0);
    private int burstBatchSize = Integer.MAX_VALUE;
    private final Clock clock;
    /** Payments worked on to DONE, recorded with their batch ({@link #recordDoneLater}, {@link #flushDone()}). */
    private final Queue<String> doneLater = new ConcurrentLinkedQueue<>();

    public FelOutbox(DataSource dataSource, String nodeId, Duration lease, int batchSize) {
        this(dataSource, nodeId, lease, batchSize, Clock.systemUTC());
    }

    /** With a clock of its own (the claims' lease times and the effect journal; tests fix it). */
    public FelOutbox(DataSource dataSource, String nodeId, Duration lease, int batchSize, Clock clock) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("fel.claim.lease must be positive, got " + lease);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("fel.claim.batch-size must be at least 1, got " + batchSize);
        }
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.lease = lease;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /**
     * While {@code intake} reports a webhook burst, {@link #claim()} takes at most {@code burstBatchSize} payments
     * (see {@link IntakeRate}).
     */
    public FelOutbox withIntake(IntakeRate intake, int burstBatchSize) {
        this.intake = intake;
        this.burstBatchSize = IntakeRate.checkBurstBatchSize("fel.claim.burst-batch-size", burstBatchSize);
        return this;
    }

    /**
     * Claims up to {@code batchSize} unfinished payments for this node ({@code burstBatchSize} during a burst).
     *
     * @return the claimed payments rows (paymentIntentId, customerEmail, grossCents, invoiceStatus,
     *         invoiceUrl, claimCount, effectStep, effectNode, effectStartedAt, ...), oldest first; empty when none
     */
    public List<Map<String, Object>> claim() {
        Instant now = clock.instant();
        int size = intake.batchSize(batchSize, burstBatchSize);
        if (size == 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Transactions.inTransaction(c, tx -> {
                try (PreparedStatement q = tx.prepareStatement(
                        "select payment_intent_id from payments where invoice_status in " + UNFINISHED
                                + " and (claimed_until is null or claimed_until < ?) order by posted_at"
                                + " fetch first " + size + " rows only for update skip locked")) {
                    q.setObject(1, LedgerDatabase.utc(now));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    try (PreparedStatement u = tx.prepareStatement("update payments set claimed_by = ?,"
                            + " claimed_until = ?,"
                            + " claim_count = claim_count + 1"
                            + " where payment_intent_id = ?")) {
                        for (String id : ids) {
                            u.setString(1, nodeId);
                            u.setObject(2, LedgerDatabase.utc(now.plus(lease)));
                            u.setString(3, id);
                            u.addBatch();
                        }
                        u.executeBatch();
                    }
                }
                return null;
            });
            List<Map<String, Object>> rows = ids.isEmpty() ? List.of() : rows(c, ids);
            for (Map<String, Object> row : rows) {
                row.put("claimedAt", now);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("FEL outbox: cannot claim payments: " + e.getMessage(), e);
        }
    }

    /**
     * Extends this node's claim of a payment before working on it.
     *
     * @return false when the claim is no longer this node's or the payment is finished: skip it
     */
    public boolean renew(String paymentIntentId) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update payments set claimed_until = ?"
                        + " where payment_intent_id = ?"
                        + " and claimed_by = ?"
                        + " and invoice_status in " + UNFINISHED)) {
            u.setObject(1, LedgerDatabase.utc(now.plus(lease)));
            u.setString(2, paymentIntentId);
            u.setString(3, nodeId);
            return u.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL outbox: cannot renew the claim of " + paymentIntentId + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #renew(String)} when it is due: a claim this node took less than half a lease ago cannot have expired, so
     * no other node can have taken the payment over, and it is kept without a write (one commit less per payment; a
     * batch is worked on in seconds, the lease is minutes).
     *
     * @param payment a row answered by {@link #claim()} (its {@code claimedAt})
     * @return false when the claim is no longer this node's or the payment is finished: skip it
     */
    public boolean renewIfDue(Map<String, Object> payment) {
        Object claimedAt = payment.get("claimedAt");
        if (claimedAt instanceof Instant at && clock.instant().isBefore(at.plus(lease.dividedBy(2)))) {
            return true;
        }
        return renew((String) payment.get("paymentIntentId"));
    }

    /**
     * Commits that this node starts a side effect of a payment, before doing it.
     *
     * @param step a {@link Step} name
     */
    public void begin(String paymentIntentId, String step) {
        Step s = Step.valueOf(step);
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update payments set effect_step = ?, effect_node = ?,"
                        + " effect_started_at = ? where payment_intent_id = ?")) {
            u.setString(1, s.name());
            u.setString(2, nodeId);
            u.setObject(3, LedgerDatabase.utc(clock.instant()));
            u.setString(4, paymentIntentId);
            if (u.executeUpdate() != 1) {
                throw new IllegalStateException("FEL outbox: no payment " + paymentIntentId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL outbox: cannot record the start of " + s + " of " + paymentIntentId + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Commits that this node starts certifying a payment's invoice, with the emission time its document carries: kept
     * for every later try ({@code payments.fel_emitted_at}), so that a retry, a resumed step in doubt or a replay of
     * an unavailable certifier sends the same document, and the look-up by identificador asks for the right day.
     */
    public void beginCertify(String paymentIntentId, Instant emittedAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update payments set effect_step = ?, effect_node = ?,"
                        + " effect_started_at = ?, fel_emitted_at = ? where payment_intent_id = ?")) {
            u.setString(1, Step.CERTIFY.name());
            u.setString(2, nodeId);
            u.setObject(3, LedgerDatabase.utc(clock.instant()));
            u.setObject(4, LedgerDatabase.utc(emittedAt));
            u.setString(5, paymentIntentId);
            if (u.executeUpdate() != 1) {
                throw new IllegalStateException("FEL outbox: no payment " + paymentIntentId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL outbox: cannot record the start of CERTIFY of " + paymentIntentId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records a payment's certified invoice ({@code ISSUED}, the CERTIFY step done) and, in the same statement, that
     * this node starts the PUSH when it will push (one commit where two were: the marker of the next step is set with
     * the record of the previous one; a node that dies before the PATCH leaves that PUSH in doubt, and the PATCH it
     * then sends is the first).
     *
     * @param invoice as {@link PaymentInvoices#certify} answers it
     * @param pushNext true when the PATCH of {@code tax_invoice_url} follows
     */
    public void recordIssued(String paymentIntentId, Map<String, Object> invoice, boolean pushNext) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update payments set invoice_status = 'ISSUED',"
                        + " invoice_number = ?, invoice_uuid = ?, invoice_serie = ?, invoice_numero = ?,"
                        + " invoice_url = ?, invoice_verification_url = ?, invoice_receptor = ?,"
                        + " invoice_grand_total = ?, invoice_iva_total = ?, invoice_certified_by = ?, invoiced_at = ?,"
                        + " effect_step = ?, effect_node = coalesce(?, effect_node), effect_started_at ="
                        + " coalesce(?, effect_started_at) where payment_intent_id = ?")) {
            u.setObject(1, invoice.get("invoiceNumber"));
            u.setObject(2, invoice.get("uuid"));
            u.setObject(3, invoice.get("serie"));
            u.setObject(4, invoice.get("numero"));
            u.setObject(5, invoice.get("pdfUrl"));
            u.setObject(6, invoice.get("verificationUrl"));
            u.setObject(7, invoice.get("receptor"));
            u.setObject(8, invoice.get("grandTotal"));
            u.setObject(9, invoice.get("ivaTotal"));
            u.setObject(10, invoice.get("certifiedBy"));
            u.setObject(11, LedgerDatabase.utc(now));
            nextStep(u, 12, pushNext ? Step.PUSH : null, now);
            u.setString(15, paymentIntentId);
            if (u.executeUpdate() != 1) {
                throw new IllegalStateException("FEL outbox: no payment " + paymentIntentId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL outbox: cannot record the invoice of " + paymentIntentId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records that {@code tax_invoice_url} was pushed ({@code PUSHED}) and, in the same statement, that this node
     * starts the MAIL step when a receipt follows (as {@link #recordIssued}).
     *
     * @param mailNext true when the receipt is to be mailed (the payment has an e-mail address)
     */
    public void recordPushed(String paymentIntentId, boolean mailNext) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update payments set invoice_status = 'PUSHED',"
                        + " effect_step = ?, effect_node = coalesce(?, effect_node), effect_started_at ="
                        + " coalesce(?, effect_started_at) where payment_intent_id = ?")) {
            nextStep(u, 1, mailNext ? Step.MAIL : null, now);
            u.setString(4, paymentIntentId);
            if (u.executeUpdate() != 1) {
                throw new IllegalStateException("FEL outbox: no payment " + paymentIntentId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL outbox: cannot record the push of " + paymentIntentId + ": " + e.getMessage(), e);
        }
    }

    /** Records that a payment is invoiced, pushed and mailed ({@code DONE}; no step in doubt any more). */
    public void recordDone(String paymentIntentId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update payments set invoice_status = 'DONE',"
                        + " effect_step = null where payment_intent_id = ?")) {
            u.setString(1, paymentIntentId);
            if (u.executeUpdate() != 1) {
                throw new IllegalStateException("FEL outbox: no payment " + paymentIntentId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL outbox: cannot record " + paymentIntentId + " done: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #recordDone(String)} with the rest of the claimed batch: kept until {@link #flushDone()}, which the
     * outbox route calls once the batch is worked on (one commit per batch where there was one per payment). The
     * receipt is in {@code email_log} already (committed after the SMTP hand-off), so a node that dies before the
     * flush leaves the MAIL step in doubt and the node that resumes it finds the receipt logged: not sent again
     * ({@link Resolution#RECEIPT_LOGGED}), then DONE.
     */
    public void recordDoneLater(String paymentIntentId) {
        doneLater.add(paymentIntentId);
    }

    /**
     * Records DONE for the payments {@link #recordDoneLater} kept, in one transaction; on a failure they are kept
     * for the next flush.
     *
     * @return how many were recorded
     */
    public int flushDone() {
        List<String> ids = new ArrayList<>();
        for (String id; (id = doneLater.poll()) != null; ) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            Transactions.inTransaction(c, tx -> {
                try (PreparedStatement u = tx.prepareStatement("update payments set invoice_status = 'DONE',"
                        + " effect_step = null where payment_intent_id = ?")) {
                    for (String id : ids) {
                        u.setString(1, id);
                        u.addBatch();
                    }
                    u.executeBatch();
                }
                return null;
            });
            return ids.size();
        } catch (SQLException | RuntimeException e) {
            doneLater.addAll(ids);
            throw new IllegalStateException(
                    "FEL outbox: cannot record " + ids.size() + " payment(s) done: " + e.getMessage(), e);
        }
    }

    /**
     * effect_step, effect_node, effect_started_at from {@code index}: the next step started now, or none (node and
     * time then keep the last step started).
     */
    private void nextStep(PreparedStatement u, int index, Step next, Instant now) throws SQLException {
        u.setString(index, next == null ? null : next.name());
        u.setString(index + 1, next == null ? null : nodeId);
        if (next == null) {
            u.setNull(index + 2, java.sql.Types.TIMESTAMP);
        } else {
            u.setObject(index + 2, LedgerDatabase.utc(now));
        }
    }

    /**
     * Moves a payment to the FEL dead letters (after the retries of a retryable failure, at once for a final one) in
     * one transaction: a {@code fel_dead_letters} row with the failure's code, reason and the operator's action (a
     * {@link FelFailure}'s own; {@code STEP_FAILED} and the message for anything else), and the payment to
     * {@code DEAD_LETTER} keeping the state it had reached ({@code dead_lettered_from}) for the replay.
     *
     * @return the failure's code
     */
    public String deadLetter(String paymentIntentId, Throwable failure) {
        return deadLetter(paymentIntentId, null, failure);
    }

    /**
     * Moves a refund's credit note (NCRE) to the FEL dead letters: a {@code fel_dead_letters} row for its payment (the
     * message names the refund) with the failure's code, reason and action as {@link #deadLetter(String, Throwable)},
     * and the refund to {@code credit_status DEAD}, in one transaction. The payment's own invoice state is untouched.
     *
     * @return the failure's code
     */
    public String deadLetterCredit(String paymentIntentId, String refundId, Throwable failure) {
        return deadLetter(paymentIntentId, refundId, failure);
    }

    private String deadLetter(String paymentIntentId, String refundId, Throwable failure) {
        FelFailure fel = felFailure(failure);
        String kind = fel instanceof FelRefusal
                ? "REFUSAL"
                : fel instanceof FelRejection ? "REJECTION" : fel != null ? "UNAVAILABLE" : "ERROR";
        String code = fel != null ? fel.code() : "STEP_FAILED";
        String reason = fel != null ? fel.reason() : failure == null ? "unknown" : String.valueOf(failure.getMessage());
        String action = fel != null
                ? fel.operatorAction()
                : "see the node's log for the cause, fix it, then replay from the status page";
        String message = (refundId == null ? "" : "credit note of refund " + refundId + ": ")
                + (failure == null ? reason : String.valueOf(failure.getMessage()));
        try (Connection c = dataSource.getConnection()) {
            Transactions.inTransaction(c, tx -> {
                try (PreparedStatement i = tx.prepareStatement("insert into fel_dead_letters (payment_intent_id,"
                        + " error_message, failure_kind, failure_code, reason, operator_action) values (?, ?, ?, ?, ?,"
                        + " ?)")) {
                    i.setString(1, paymentIntentId);
                    i.setString(2, cut(message, 1000));
                    i.setString(3, kind);
                    i.setString(4, cut(code, 64));
                    i.setString(5, cut(reason, 2000));
                    i.setString(6, cut(action, 500));
                    i.executeUpdate();
                }
                try (PreparedStatement u = refundId == null
                        ? tx.prepareStatement("update payments set dead_lettered_from = invoice_status,"
                                + " invoice_status = 'DEAD_LETTER' where payment_intent_id = ? and"
                                + " invoice_status <> 'DEAD_LETTER'")
                        : tx.prepareStatement("update refunds set credit_status = 'DEAD' where refund_id = ?")) {
                    u.setString(1, refundId == null ? paymentIntentId : refundId);
                    u.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL outbox: cannot dead-letter " + (refundId == null ? paymentIntentId : refundId) + ": "
                            + e.getMessage(),
                    e);
        }
        LOG.warn(
                "FEL: {} moved to the dead letters ({} {}): {}. Operator: {}",
                refundId == null ? "payment " + paymentIntentId : "the credit note of refund " + refundId,
                kind,
                code,
                reason,
                action);
        return code;
    }

    private static FelFailure felFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FelFailure f) {
                return f;
            }
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Records how the in-doubt step of a claimed payment (its {@code effectStep}: started by {@code effectNode} at
     * {@code effectStartedAt}, never recorded) is resolved: one {@code fel_in_doubt} row and one WARN line per marker
     * (a retried resolution of the same marker adds nothing).
     *
     * @param payment    the claimed payments row
     * @param resolution a {@link Resolution} name; it must belong to the payment's in-doubt step
     */
    public void inDoubt(Map<String, Object> payment, String resolution) {
        Resolution r = Resolution.valueOf(resolution);
        String id = (String) payment.get("paymentIntentId");
        if (!r.step.name().equals(payment.get("effectStep"))) {
            throw new IllegalArgumentException("FEL outbox: " + r + " resolves " + r.step + ", but " + id
                    + " is in doubt for " + payment.get("effectStep"));
        }
        Object startedAt = payment.get("effectStartedAt");
        int inserted;
        try (Connection c = dataSource.getConnection();
                PreparedStatement i = c.prepareStatement("insert into fel_in_doubt (payment_intent_id, step,"
                        + " started_by, started_at, resolved_by, resolved_at, resolution)"
                        + " select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from fel_in_doubt"
                        + " where payment_intent_id = ? and step = ? and started_at = ?)")) {
            i.setString(1, id);
            i.setString(2, r.step.name());
            i.setString(3, (String) payment.get("effectNode"));
            i.setObject(4, startedAt);
            i.setString(5, nodeId);
            i.setObject(6, LedgerDatabase.utc(clock.instant()));
            i.setString(7, r.name());
            i.setString(8, id);
            i.setString(9, r.step.name());
            i.setObject(10, startedAt);
            inserted = i.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL outbox: cannot record the in-doubt " + r.step + " of " + id + ": " + e.getMessage(), e);
        }
        if (inserted == 1) {
            LOG.warn(
                    "FEL outbox: {} of {} in doubt (started by {} at {} UTC, never recorded): {} ({})",
                    r.step,
                    id,
                    payment.get("effectNode"),
                    startedAt,
                    r,
                    r.meaning);
        }
    }

    private static List<Map<String, Object>> rows(Connection c, List<String> ids) throws SQLException {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (String id : ids) {
            byId.put(id, null);
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        for (Map<String, Object> row : SqlRows.read(
                c,
                "select payment_intent_id as \"paymentIntentId\", payment_kind as \"paymentKind\", customer_email as"
                        + " \"customerEmail\", customer_name as \"customerName\", currency as \"currency\","
                        + " gross_cents as \"grossCents\", tax_id as \"taxId\", tax_name as \"taxName\","
                        + " invoice_status as \"invoiceStatus\", invoice_number as \"invoiceNumber\","
                        + " invoice_url as \"invoiceUrl\", claim_count as \"claimCount\","
                        // set: the step a node started and never recorded (in doubt); see inDoubt
                        + " effect_step as \"effectStep\", effect_node as \"effectNode\","
                        + " effect_started_at as \"effectStartedAt\", posted_at as \"postedAt\", fel_emitted_at as"
                        + " \"felEmittedAt\", fel_revision as \"felRevision\", invoice_uuid as \"invoiceUuid\","
                        + " invoice_serie as \"invoiceSerie\", invoice_numero as \"invoiceNumero\","
                        + " invoice_verification_url as \"invoiceVerificationUrl\" from payments"
                        + " where payment_intent_id in (" + in + ")",
                ids.toArray())) {
            if (row.get("effectStartedAt") instanceof Timestamp startedAt) {
                row.put("effectStartedAt", startedAt.toLocalDateTime());
            }
            // posted_at is the database's CURRENT_TIMESTAMP (this JVM's zone); fel_emitted_at is written in UTC
            if (row.get("postedAt") instanceof Timestamp postedAt) {
                row.put("postedAt", postedAt.toInstant());
            }
            if (row.get("felEmittedAt") instanceof Timestamp emittedAt) {
                row.put("felEmittedAt", emittedAt.toLocalDateTime().toInstant(ZoneOffset.UTC));
            }
            if (row.get("felRevision") instanceof Number revision) {
                row.put("felRevision", revision.intValue());
            }
            byId.put((String) row.get("paymentIntentId"), row);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : byId.values()) {
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    public String nodeId() {
        return nodeId;
    }
}
