package io.github.camelrecurrente.examples.invoicing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.examples.invoicing.fel.Attempt;
import io.github.camelrecurrente.examples.invoicing.fel.CertifiedDocument;
import io.github.camelrecurrente.examples.invoicing.fel.EmissionTime;
import io.github.camelrecurrente.examples.invoicing.fel.FelFailure;
import io.github.camelrecurrente.examples.invoicing.fel.FelInvoicing;
import io.github.camelrecurrente.examples.invoicing.fel.FelUnavailable;
import io.github.camelrecurrente.examples.invoicing.fel.OriginalDocument;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.RequestRefusedException;
import io.github.camelrecurrente.examples.ledger.SqlRows;

/**
 * The operator's anulación of a payment's invoice (bean {@code felCancellation}; {@code POST /ops/fel/cancel
 * {"payment_intent_id": "pa_...", "motivo": "..."}}, audited by the operator port): the invoice the ledger keeps
 * ({@link OriginalDocument}) is cancelled through {@link FelInvoicing#cancelInvoice}, and the ledger records when and
 * why ({@code payments.invoice_cancelled_at}, {@code invoice_cancel_reason}).
 * <p>
 * Safe to repeat: the anulación's identificador ({@code ANUL-<payment id>}) makes INFILE answer a second send with the
 * original, so an operator who did not get the answer (a lost answer, a crash) sends it again. Refused before anything
 * is sent: an unknown payment (404), one without a certified invoice or already cancelled (409), an invoice whose IVA
 * period is closed (422 {@code FEL_ANU375}: issue a credit note instead). INFILE's rejection is 422 with its code;
 * INFILE unavailable is 503 (try again later). Our choice: the PDF link pushed as {@code tax_invoice_url} stays (INFILE's
 * PDF of a cancelled document says so); nothing is pushed.
 */
public final class FelCancellation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final FelInvoicing fel;
    private final Clock clock;

    /** @param fel the invoicing client, or null with {@code fel.certifier=off} (every request is then refused) */
    public FelCancellation(DataSource dataSource, FelInvoicing fel, Clock clock) {
        this.dataSource = dataSource;
        this.fel = fel;
        this.clock = clock;
    }

    /** @return the payment id a request names (for the audit row), or null */
    public String requestedPayment(Object body) {
        try {
            return OperatorRequestFields.text(parse(body), "payment_intent_id");
        } catch (RequestRefusedException e) {
            return null;
        }
    }

    /**
     * Cancels the invoice of the payment the JSON request names.
     *
     * @return {@code paymentIntentId}, {@code uuid} (the cancelled invoice), {@code cancelledAt}, {@code motivo}
     */
    public Map<String, Object> cancel(Object body) {
        JsonNode json = parse(body);
        String id = OperatorRequestFields.text(json, "payment_intent_id");
        String motivo = OperatorRequestFields.text(json, "motivo");
        if (id == null) {
            throw new RequestRefusedException(
                    400, "invalid_request", "payment_intent_id", "payment_intent_id is required");
        }
        if (motivo == null) {
            throw new RequestRefusedException(
                    400,
                    "invalid_request",
                    "motivo",
                    "motivo is required: why the invoice is cancelled (1 to 255 characters)");
        }
        if (fel == null) {
            throw new RequestRefusedException(
                    409, "fel_off", null, "fel.certifier=off: this app issues no invoice, so it cancels none");
        }
        List<Map<String, Object>> rows = SqlRows.read(
                dataSource,
                "FEL cancellation",
                "select invoice_uuid as \"uuid\", invoice_serie as \"serie\", invoice_numero as \"numero\","
                        + " fel_emitted_at as \"emittedAt\", invoice_receptor as \"receptor\", currency as"
                        + " \"currency\", invoice_grand_total as \"grandTotal\", invoice_iva_total as \"ivaTotal\","
                        + " invoice_cancelled_at as \"cancelledAt\" from payments where payment_intent_id = ?",
                id);
        if (rows.isEmpty()) {
            throw new RequestRefusedException(
                    404, "payment_not_found", "payment_intent_id", "no payment " + id + " in the ledger");
        }
        Map<String, Object> row = rows.get(0);
        if (row.get("uuid") == null || row.get("grandTotal") == null) {
            throw new RequestRefusedException(
                    409, "not_invoiced", "payment_intent_id", "payment " + id + " has no certified invoice to cancel");
        }
        if (row.get("cancelledAt") != null) {
            throw new RequestRefusedException(
                    409,
                    "already_cancelled",
                    "payment_intent_id",
                    "the invoice of " + id + " was cancelled at " + row.get("cancelledAt") + " (UTC)");
        }
        OriginalDocument original = new OriginalDocument(
                (String) row.get("uuid"),
                (String) row.get("serie"),
                (String) row.get("numero"),
                EmissionTime.inGuatemala(utc(row.get("emittedAt"))),
                PaymentInvoices.receptor((String) row.get("receptor")),
                (String) row.get("currency"),
                (BigDecimal) row.get("grandTotal"),
                (BigDecimal) row.get("ivaTotal"));
        CertifiedDocument anulacion;
        try {
            anulacion = fel.cancelInvoice(id, original, motivo, Attempt.FIRST);
        } catch (FelUnavailable e) {
            throw new RequestRefusedException(503, e.code(), null, e.reason() + ". " + e.operatorAction());
        } catch (FelFailure e) {
            throw new RequestRefusedException(422, e.code(), null, e.reason() + ". Operator: " + e.operatorAction());
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update payments set invoice_cancelled_at = ?,"
                        + " invoice_cancel_reason = ? where payment_intent_id = ?")) {
            u.setObject(1, LedgerDatabase.utc(now));
            u.setString(2, motivo.length() <= 255 ? motivo : motivo.substring(0, 255));
            u.setString(3, id);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the invoice of " + id + " was cancelled at the certifier (" + anulacion.uuid()
                            + ") but the ledger could not record it: " + e.getMessage()
                            + "; send the same request again (the certifier answers it with the same anulación)",
                    e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("paymentIntentId", id);
        out.put("uuid", original.uuid());
        out.put("cancelledAt", now.toString());
        out.put("motivo", motivo);
        out.put("origin", anulacion.origin().name());
        return out;
    }

    private static Instant utc(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("the invoice's emission time is not recorded (fel_emitted_at)");
    }

    private static JsonNode parse(Object body) {
        String text = body == null ? "" : body.toString().strip();
        try {
            JsonNode json = JSON.readTree(text.isEmpty() ? "{}" : text);
            if (json == null || !json.isObject()) {
                throw new RequestRefusedException(400, "invalid_request", null, "the body is a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new RequestRefusedException(
                    400,
                    "invalid_request",
                    null,
                    "the body is not JSON: {\"payment_intent_id\": \"pa_...\", \"motivo\": \"...\"}");
        }
    }
}
