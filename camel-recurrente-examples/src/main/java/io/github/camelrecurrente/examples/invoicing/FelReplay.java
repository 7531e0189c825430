package io.github.camelrecurrente.examples.invoicing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.examples.invoicing.fel.BuyerId;
import io.github.camelrecurrente.examples.invoicing.fel.FelRefusal;
import io.github.camelrecurrente.examples.ledger.RequestRefusedException;
import io.github.camelrecurrente.examples.ledger.Transactions;

/**
 * The operator's replay of the FEL dead letters (bean {@code felReplay}; {@code POST /ops/fel/replay}, the status
 * page's forms, {@code direct:fel-replay}): the payments go back to the outbox at the state they had reached.
 * <ul>
 * <li>Every dead letter, or one payment ({@code payment_intent_id}); for that one the operator may supply the buyer's
 * tax id ({@code tax_id}: a NIT with a valid check digit, a CUI, or CF; and {@code tax_name}), checked as SAT wants it
 * and stored on the payment. That is how a sale of Q2,500.00 or more to CF (FEL_RCP535) or a malformed NIT
 * (FEL_RCP309) gets its invoice;</li>
 * <li>a document the certifier rejected ({@code REJECTION}) is sent under the next revision (a new identificador:
 * the rejected one was never certified); after a refusal or a rejection nothing was certified, so the step is not in
 * doubt and the emission time is chosen again; after an outage ({@code UNAVAILABLE}) or another failure the same
 * document is sent again (same identificador and emission time).</li>
 * <li>the credit note (NCRE) of one refund ({@code refund_id}) whose certification was refused or rejected
 * ({@code refunds.credit_status DEAD}) goes back to {@code PENDING} for {@link RefundCredits}: after a rejection under
 * the next revision ({@code NCRE-<refund id>-R1}), with the emission time chosen again. No tax id: an NCRE's receptor
 * is its invoice's (SAT's rules), so {@code tax_id} or {@code tax_name} with {@code refund_id} is refused. The replay
 * of every dead letter (empty request) takes the dead credit notes too.</li>
 * </ul>
 * One transaction; the answer ({@code replayed}, and the tax id change) goes to the operator audit.
 */
public final class FelReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Open dead letters of the row being updated that were final (nothing certified). */
    private static final String FINAL = "exists (select 1 from fel_dead_letters d where d.payment_intent_id ="
            + " payments.payment_intent_id and d.replayed_at is null and d.failure_kind in ('REFUSAL', 'REJECTION'))";

    private static final String REJECTED = "exists (select 1 from fel_dead_letters d where d.payment_intent_id ="
            + " payments.payment_intent_id and d.replayed_at is null and d.failure_kind = 'REJECTION')";

    /** The start of the message {@link FelOutbox#deadLetterCredit} writes for a refund (its dead letter's). */
    private static final String CREDIT_NOTE_MESSAGE = "credit note of refund ";

    /**
     * The dead letters {@code d} of the credit note of the refund being updated: named by {@code refund_id}, or by the
     * message when the node stopped before naming it ({@link RefundCredits}).
     */
    private static final String CREDIT_LETTER = "(d.refund_id = refunds.refund_id or (d.refund_id is null and"
            + " d.payment_intent_id = refunds.payment_intent_id and d.error_message like ('" + CREDIT_NOTE_MESSAGE
            + "' || refunds.refund_id || ':%')))";

    private static final String CREDIT_FINAL = "exists (select 1 from fel_dead_letters d where " + CREDIT_LETTER
            + " and d.replayed_at is null and d.failure_kind in ('REFUSAL', 'REJECTION'))";

    private static final String CREDIT_REJECTED = "exists (select 1 from fel_dead_letters d where " + CREDIT_LETTER
            + " and d.replayed_at is null and d.failure_kind = 'REJECTION')";

    /** The dead letters of a payment's own invoice (not of its refunds' credit notes). */
    private static final String INVOICE_LETTER =
            "refund_id is null and coalesce(error_message, '') not like '" + CREDIT_NOTE_MESSAGE + "%'";

    private final DataSource dataSource;

    public FelReplay(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A JSON request: empty (every dead letter), {@code {"payment_intent_id": "pa_...", "tax_id": "...",
     * "tax_name": "..."}} (tax id and name optional) or {@code {"refund_id": "re_..."}} (a refund's credit note).
     */
    public Map<String, Object> replayRequest(Object body) {
        String text = body == null ? "" : body.toString().strip();
        if (text.isEmpty()) {
            return replay(null, null, null);
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RequestRefusedException(
                    400, "invalid_request", null, "the body is not JSON: {\"payment_intent_id\": \"pa_...\"} or empty");
        }
        if (json == null || !json.isObject()) {
            throw new RequestRefusedException(400, "invalid_request", null, "the body is a JSON object");
        }
        return replay(
                OperatorRequestFields.text(json, "payment_intent_id"),
                OperatorRequestFields.text(json, "refund_id"),
                OperatorRequestFields.text(json, "tax_id"),
                OperatorRequestFields.text(json, "tax_name"));
    }

    /** {@link #replay(String, String, String, String)} of a payment's invoice, or of every dead letter. */
    public Map<String, Object> replay(String paymentIntentId, String taxId, String taxName) {
        return replay(paymentIntentId, null, taxId, taxName);
    }

    /** @return what {@link FelOutbox#deadLetterCredit} writes first in the dead letter of a refund's credit note */
    static String creditNoteMessagePrefix(String refundId) {
        return (CREDIT_NOTE_MESSAGE + refundId + ":")
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
    }

    /**
     * @param paymentIntentId one payment, or null (with no {@code refundId}: every dead letter)
     * @param refundId one refund's credit note, or null
     * @param taxId the buyer's NIT, CUI or CF supplied by the operator (with {@code paymentIntentId}), or null
     * @param taxName the buyer's name on the invoice, or null
     * @return {@code replayed} (how many documents went back: payments to the outbox, credit notes to
     *     {@code PENDING}), {@code creditNotes} (of them, credit notes) and {@code taxId}/{@code previousTaxId} when
     *     the tax id was changed
     */
    public Map<String, Object> replay(String paymentIntentId, String refundId, String taxId, String taxName) {
        String id = blankToNull(paymentIntentId);
        String refund = blankToNull(refundId);
        String newTaxId = blankToNull(taxId);
        String newTaxName = blankToNull(taxName);
        if (refund != null) {
            return replayCreditNote(id, refund, newTaxId, newTaxName);
        }
        if (id == null && (newTaxId != null || newTaxName != null)) {
            throw new RequestRefusedException(
                    400, "invalid_request", "payment_intent_id", "tax_id and tax_name need the payment_intent_id");
        }
        String normalised = newTaxId == null ? null : normalise(newTaxId);
        Map<String, Object> answer = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            int replayed = Transactions.inTransaction(c, tx -> {
                if (id != null) {
                    String[] current = current(tx, id);
                    if (normalised != null || newTaxName != null) {
                        if (current[3] != null) {
                            throw new RequestRefusedException(
                                    409,
                                    "already_certified",
                                    "tax_id",
                                    "the invoice of " + id + " is certified already (" + current[3]
                                            + "): its buyer cannot change; replay without tax_id");
                        }
                        String name = newTaxName != null
                                ? newTaxName
                                : "CF".equalsIgnoreCase(current[2]) && !"CF".equals(normalised) ? "" : current[2];
                        try (PreparedStatement u = tx.prepareStatement(
                                "update payments set tax_id = ?, tax_name = ? where payment_intent_id = ?")) {
                            u.setString(1, normalised != null ? normalised : current[1]);
                            u.setString(2, name);
                            u.setString(3, id);
                            u.executeUpdate();
                        }
                        if (normalised != null) {
                            answer.put("previousTaxId", current[1]);
                            answer.put("taxId", normalised);
                        }
                    }
                }
                int n;
                try (PreparedStatement u = tx.prepareStatement("update payments set"
                        + " fel_revision = case when " + REJECTED + " then fel_revision + 1 else fel_revision end,"
                        + " fel_emitted_at = case when " + FINAL + " then null else fel_emitted_at end,"
                        + " invoice_status = coalesce(dead_lettered_from, case effect_step when 'PUSH' then 'ISSUED'"
                        + " when 'MAIL' then 'PUSHED' else 'PENDING' end),"
                        + " effect_step = case when " + FINAL + " then null else effect_step end,"
                        + " dead_lettered_from = null, claimed_until = null"
                        + " where invoice_status = 'DEAD_LETTER'" + (id == null ? "" : " and payment_intent_id = ?"))) {
                    if (id != null) {
                        u.setString(1, id);
                    }
                    n = u.executeUpdate();
                }
                int credits = id == null ? creditNotesBack(tx, null) : 0;
                try (PreparedStatement u = tx.prepareStatement("update fel_dead_letters set replayed_at ="
                        + " current_timestamp where replayed_at is null"
                        + (id == null ? "" : " and payment_intent_id = ? and " + INVOICE_LETTER))) {
                    if (id != null) {
                        u.setString(1, id);
                    }
                    u.executeUpdate();
                }
                answer.put("creditNotes", credits);
                return n + credits;
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("replayed", replayed);
            if (id != null) {
                out.put("paymentIntentId", id);
                answer.remove("creditNotes");
            }
            out.putAll(answer);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("FEL replay failed: " + e.getMessage(), e);
        }
    }

    /**
     * The credit note of one refund back to {@code PENDING}.
     *
     * @throws RequestRefusedException 400 with a payment id or a tax id, 404 unknown refund, 409 not dead-lettered
     */
    private Map<String, Object> replayCreditNote(
            String paymentIntentId, String refundId, String taxId, String taxName) {
        if (paymentIntentId != null) {
            throw new RequestRefusedException(
                    400,
                    "invalid_request",
                    "refund_id",
                    "refund_id replays a refund's credit note, payment_intent_id a payment's invoice: send one of"
                            + " them");
        }
        if (taxId != null || taxName != null) {
            throw new RequestRefusedException(
                    400,
                    "credit_note_receptor",
                    taxId != null ? "tax_id" : "tax_name",
                    "a credit note's receptor is its invoice's (SAT's rules for the NCRE: same receptor as the original"
                            + " FACT): it cannot be supplied; replay the credit note without tax_id and tax_name");
        }
        try (Connection c = dataSource.getConnection()) {
            String payment = Transactions.inTransaction(c, tx -> {
                String pa = deadLettered(
                        tx,
                        "select credit_status, payment_intent_id from refunds where refund_id = ?",
                        refundId,
                        "DEAD",
                        "refund_id",
                        "refund_not_found",
                        "refund " + refundId,
                        "the credit note of refund " + refundId,
                        "credit status")[1];
                creditNotesBack(tx, refundId);
                try (PreparedStatement u = tx.prepareStatement("update fel_dead_letters set replayed_at ="
                        + " current_timestamp where replayed_at is null and (refund_id = ? or (refund_id is null and"
                        + " payment_intent_id = ? and error_message like ? escape '!'))")) {
                    u.setString(1, refundId);
                    u.setString(2, pa);
                    u.setString(3, creditNoteMessagePrefix(refundId) + "%");
                    u.executeUpdate();
                }
                return pa;
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("replayed", 1);
            out.put("creditNotes", 1);
            out.put("refundId", refundId);
            out.put("paymentIntentId", payment);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "FEL replay of the credit note of " + refundId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The dead credit notes (one refund's, or every one) back to {@code PENDING}: after a rejection under the next
     * revision; after a refusal or a rejection nothing was certified, so the emission time is chosen again and no step
     * is in doubt. Their dead letters are closed by the caller.
     *
     * @return how many
     */
    private static int creditNotesBack(Connection tx, String refundId) throws SQLException {
        try (PreparedStatement u = tx.prepareStatement("update refunds set"
                + " credit_revision = case when " + CREDIT_REJECTED + " then credit_revision + 1 else"
                + " credit_revision end,"
                + " credit_emitted_at = case when " + CREDIT_FINAL + " then null else credit_emitted_at end,"
                + " credit_effect_step = case when " + CREDIT_FINAL + " then null else credit_effect_step end,"
                + " credit_status = 'PENDING' where credit_status = 'DEAD'"
                + (refundId == null ? "" : " and refund_id = ?"))) {
            if (refundId != null) {
                u.setString(1, refundId);
            }
            return u.executeUpdate();
        }
    }

    /** @return {invoice_status, tax_id, tax_name, invoice_uuid}; 404 unknown, 409 not dead-lettered */
    private static String[] current(Connection c, String id) throws SQLException {
        return deadLettered(
                c,
                "select invoice_status, tax_id, tax_name, invoice_uuid from payments where payment_intent_id = ?",
                id,
                "DEAD_LETTER",
                "payment_intent_id",
                "payment_not_found",
                "payment " + id,
                "payment " + id,
                "invoice status");
    }

    /**
     * Reads the row of what is to be replayed.
     *
     * @param sql the query by id; its first column is the status
     * @return its columns as text
     * @throws RequestRefusedException 404 ({@code notFound}, naming {@code field}) when there is no row, 409
     *     {@code not_dead_lettered} when the status is not {@code dead}
     */
    private static String[] deadLettered(
            Connection c,
            String sql,
            String id,
            String dead,
            String field,
            String notFound,
            String what,
            String subject,
            String statusName)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new RequestRefusedException(404, notFound, field, "no " + what + " in the ledger");
                }
                if (!dead.equals(rs.getString(1))) {
                    throw new RequestRefusedException(
                            409,
                            "not_dead_lettered",
                            field,
                            subject + " is not in the FEL dead letters (" + statusName + " " + rs.getString(1) + ")");
                }
                String[] columns = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = rs.getString(i + 1);
                }
                return columns;
            }
        }
    }

    /** The tax id as SAT wants it: CF, the NIT normalised with its check digit verified, or the CUI's 13 digits. */
    private static String normalise(String taxId) {
        try {
            return BuyerId.parse(taxId).value();
        } catch (FelRefusal e) {
            throw new RequestRefusedException(400, e.code(), "tax_id", e.reason());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
