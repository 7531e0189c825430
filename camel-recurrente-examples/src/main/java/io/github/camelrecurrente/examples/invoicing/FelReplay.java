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

    private final DataSource dataSource;

    public FelReplay(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A JSON request: empty (every dead letter) or {@code {"payment_intent_id": "pa_...", "tax_id": "...",
     * "tax_name": "..."}} (tax id and name optional).
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
                OperatorRequestFields.text(json, "tax_id"),
                OperatorRequestFields.text(json, "tax_name"));
    }

    /**
     * @param paymentIntentId one payment, or null for every dead letter
     * @param taxId the buyer's NIT, CUI or CF supplied by the operator (with {@code paymentIntentId}), or null
     * @param taxName the buyer's name on the invoice, or null
     * @return {@code replayed} (how many payments went back to the outbox), and {@code taxId}/{@code previousTaxId}
     *     when the tax id was changed
     */
    public Map<String, Object> replay(String paymentIntentId, String taxId, String taxName) {
        String id = blankToNull(paymentIntentId);
        String newTaxId = blankToNull(taxId);
        String newTaxName = blankToNull(taxName);
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
                try (PreparedStatement u = tx.prepareStatement("update fel_dead_letters set replayed_at ="
                        + " current_timestamp where replayed_at is null"
                        + (id == null ? "" : " and payment_intent_id = ?"))) {
                    if (id != null) {
                        u.setString(1, id);
                    }
                    u.executeUpdate();
                }
                return n;
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("replayed", replayed);
            if (id != null) {
                out.put("paymentIntentId", id);
            }
            out.putAll(answer);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("FEL replay failed: " + e.getMessage(), e);
        }
    }

    /** @return {invoice_status, tax_id, tax_name}; 404 unknown, 409 not dead-lettered */
    private static String[] current(Connection c, String id) throws SQLException {
        try (PreparedStatement q =
                c.prepareStatement("select invoice_status, tax_id, tax_name, invoice_uuid from payments"
                        + " where payment_intent_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new RequestRefusedException(
                            404, "payment_not_found", "payment_intent_id", "no payment " + id + " in the ledger");
                }
                if (!"DEAD_LETTER".equals(rs.getString(1))) {
                    throw new RequestRefusedException(
                            409,
                            "not_dead_lettered",
                            "payment_intent_id",
                            "payment " + id + " is not in the FEL dead letters (invoice status " + rs.getString(1)
                                    + ")");
                }
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
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
