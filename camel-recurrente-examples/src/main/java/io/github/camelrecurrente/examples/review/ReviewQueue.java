package io.github.camelrecurrente.examples.review;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.LedgerPostings;
import io.github.camelrecurrente.examples.ledger.RequestRefusedException;
import io.github.camelrecurrente.examples.ledger.SqlRows;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review queue (bean {@code reviewQueue}, table {@code review_cases}): a case is opened once per finding and
 * logged at WARN; an operator resolves it on the status page or the operator API with one action, audited like every
 * operator action: <b>post</b> (the payment id and the amount they confirm, the currency when none is documented: the
 * case's payment event goes through the ledger's posting route, {@code direct:ledger-post-payment}, so it is invoiced
 * like any payment) or <b>dismiss</b> (with a reason). Nothing in a case is booked or invoiced before that.
 */
public final class ReviewQueue {

    /** The documented data does not say which payment this is (no documented payment id, or several candidates). */
    public static final String IDENTITY_UNCERTAIN = "IDENTITY_UNCERTAIN";
    /** A checkout says paid, but no documented {@code succeeded} intent says a charge succeeded. */
    public static final String SUCCESS_UNDOCUMENTED = "SUCCESS_UNDOCUMENTED";
    /** No documented charged amount ({@code checkout.total_in_cents} is not one: dynamic pricing makes them differ). */
    public static final String AMOUNT_UNDOCUMENTED = "AMOUNT_UNDOCUMENTED";
    /** The charge has no documented currency (never booked in a default currency). */
    public static final String CURRENCY_MISSING = "CURRENCY_MISSING";

    public static final String OPEN = "OPEN";
    public static final String POSTING = "POSTING";
    public static final String POSTED = "POSTED";
    public static final String DISMISSED = "DISMISSED";

    /** The exchange property with the label of the operator's token (set by the operator port's guard). */
    public static final String OPERATOR = "operatorTokenLabel";

    /** A case claimed for posting by a node that stopped is open again after this long. */
    static final Duration POSTING_TIMEOUT = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ReviewQueue.class);
    private static final Pattern PAYMENT_ID = Pattern.compile("[a-z]{1,8}_[A-Za-z0-9]{1,55}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    public ReviewQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens a case unless its key was ever opened (open, posted or dismissed: a finding a person has decided is not
     * asked again). A new case is logged at WARN.
     *
     * @return true when the case is new
     */
    public boolean open(ReviewCase c) {
        String sql = "insert into review_cases (case_key, kind, source, checkout_id, intent_id, payment_intent_id,"
                + " currency, amount_cents, detail, payload, status, opened_at)"
                + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists"
                + " (select 1 from review_cases where case_key = ?)";
        int inserted;
        try (Connection conn = dataSource.getConnection();
                PreparedStatement s = conn.prepareStatement(sql)) {
            s.setString(1, LedgerPostings.truncate(c.key(), 200));
            s.setString(2, c.kind());
            s.setString(3, c.source());
            s.setString(4, c.checkoutId());
            s.setString(5, c.intentId());
            s.setString(6, c.paymentIntentId());
            s.setString(7, c.currency());
            s.setObject(8, c.amountCents());
            s.setString(9, LedgerPostings.truncate(c.detail(), 1000));
            s.setString(10, c.payload());
            s.setString(11, OPEN);
            s.setObject(12, LedgerDatabase.utc(Instant.now()));
            s.setString(13, LedgerPostings.truncate(c.key(), 200));
            inserted = s.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // another node opened it at the same moment
            }
            throw new IllegalStateException("Cannot open the " + c + ": " + e.getMessage(), e);
        }
        if (inserted > 0) {
            LOG.warn(
                    "Review: {} case opened for checkout {} (intent {}): {}; nothing is booked or invoiced until an"
                            + " operator posts or dismisses it on the status page",
                    c.kind(),
                    c.checkoutId(),
                    c.intentId(),
                    c.detail());
        }
        return inserted > 0;
    }

    /** @return the number of open cases (the gauge {@code examples_review_cases_open}) */
    public long openCount() {
        return count("select count(*) from review_cases where status in ('" + OPEN + "', '" + POSTING + "')");
    }

    /** @return the open cases, oldest first (at most {@code limit}): the status page's rows */
    public List<Map<String, Object>> openCases(int limit) {
        return rows("select id, kind, checkout_id, intent_id, payment_intent_id, currency, amount_cents, detail,"
                + " opened_at, status from review_cases where status in ('" + OPEN + "', '" + POSTING
                + "') order by opened_at, id limit " + Math.max(1, limit));
    }

    /** @return the case with this id (every column but the payload), null when there is none */
    public Map<String, Object> caseOf(long id) {
        List<Map<String, Object>> r = rows(
                "select id, case_key, kind, source, checkout_id, intent_id, payment_intent_id, currency,"
                        + " amount_cents, detail, status, opened_at, resolved_at, resolved_by, resolution,"
                        + " posted_payment_id, posted_amount_cents from review_cases where id = ?",
                id);
        return r.isEmpty() ? null : r.get(0);
    }

    /**
     * The operator's <b>post</b>: reads the case id (path parameter {@code id}) and the confirmed
     * {@code payment_intent_id}, {@code amount_in_cents} and, when the case documents none, {@code currency} (form
     * fields, or a JSON body), claims the case and answers the payment event to post through
     * {@code direct:ledger-post-payment}. Then {@link #posted}, or {@link #release} when the posting failed.
     *
     * @throws RequestRefusedException 400 bad input, 404 no such case, 409 not open or the payment is in the ledger
     */
    public AbstractPaymentEvent confirm(Exchange exchange) {
        Map<String, Object> fields = fields(exchange);
        long id = caseId(exchange);
        Object pa = fields.get("payment_intent_id");
        if (!(pa instanceof String paymentId)
                || !PAYMENT_ID.matcher(paymentId.trim()).matches()) {
            throw RequestRefusedException.badRequest(
                    "payment_intent_id",
                    "payment_intent_id is required: the id of the payment in Recurrente you confirm (pa_..., ba_...)");
        }
        String paymentIntentId = paymentId.trim();
        long amount = amount(fields.get("amount_in_cents"));
        Map<String, Object> row = caseOf(id);
        if (row == null) {
            throw new RequestRefusedException(404, "case_not_found", "id", "no review case " + id);
        }
        String documented = (String) loose(row, "currency");
        Object given = fields.get("currency");
        String currency = given instanceof String g && !g.isBlank() ? g.trim().toUpperCase(Locale.ROOT) : documented;
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw RequestRefusedException.badRequest(
                    "currency",
                    "currency is required (three letters, e.g. GTQ): the case documents none and nothing is booked"
                            + " in a default currency");
        }
        if (documented != null && !documented.equals(currency)) {
            throw new RequestRefusedException(
                    422,
                    "currency_differs",
                    "currency",
                    "the case's documented currency is " + documented + ", not " + currency);
        }
        if (count("select count(*) from payments where payment_intent_id = ?", paymentIntentId) > 0) {
            throw new RequestRefusedException(
                    409,
                    "already_in_ledger",
                    "payment_intent_id",
                    "payment " + paymentIntentId + " is already in the ledger: dismiss the case if it is this one");
        }
        claim(id);
        AbstractPaymentEvent event = event(id);
        event.setId(paymentIntentId);
        event.setAmountInCents(amount);
        event.setCurrency(currency);
        event.setStatus("succeeded");
        exchange.setVariable("reviewCaseId", id);
        exchange.setVariable("reviewPaymentId", paymentIntentId);
        exchange.setVariable("reviewAmount", amount);
        return event;
    }

    /** Marks a claimed case posted by {@code who}. @return the answer of the operator action */
    public Map<String, Object> posted(
            @Variable("reviewCaseId") long id,
            @Variable("reviewPaymentId") String paymentIntentId,
            @Variable("reviewAmount") long amount,
            @ExchangeProperty(OPERATOR) String who) {
        String resolution = "posted as " + paymentIntentId + ", " + amount + " cents";
        int n = resolve(id, POSTING, POSTED, who, resolution, paymentIntentId, amount);
        if (n == 0) {
            throw new IllegalStateException("review case " + id + " was not claimed for posting");
        }
        LOG.info("Review: case {} posted by {} as payment {} ({} cents)", id, who, paymentIntentId, amount);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("case", id);
        answer.put("status", POSTED);
        answer.put("paymentIntentId", paymentIntentId);
        answer.put("amountInCents", amount);
        return answer;
    }

    /** Gives a claimed case back (its posting failed): it is open again. */
    public void release(@Variable("reviewCaseId") long id) {
        update(
                "update review_cases set status = ?, resolved_at = null, resolved_by = null where id = ? and status = ?",
                OPEN,
                id,
                POSTING);
    }

    /**
     * The operator's <b>dismiss</b>: the case id (path parameter {@code id}) and a {@code reason} (form field or
     * JSON), required. Nothing is booked.
     *
     * @throws RequestRefusedException 400 no reason, 404 no such case, 409 not open
     */
    public Map<String, Object> dismiss(Exchange exchange, @ExchangeProperty(OPERATOR) String who) {
        Map<String, Object> fields = fields(exchange);
        long id = caseId(exchange);
        Object reason = fields.get("reason");
        if (!(reason instanceof String r) || r.isBlank()) {
            throw RequestRefusedException.badRequest(
                    "reason", "reason is required: say why nothing is to be booked for this case");
        }
        if (caseOf(id) == null) {
            throw new RequestRefusedException(404, "case_not_found", "id", "no review case " + id);
        }
        int n = resolve(id, OPEN, DISMISSED, who, r.trim(), null, null);
        if (n == 0) {
            throw new RequestRefusedException(
                    409, "case_not_open", "id", "review case " + id + " is not open (posted or dismissed already)");
        }
        LOG.info("Review: case {} dismissed by {}: {}", id, who, r.trim());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("case", id);
        answer.put("status", DISMISSED);
        answer.put("reason", r.trim());
        return answer;
    }

    /** The case id of an operator action: the path parameter {@code id}. */
    public static long caseId(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        try {
            return Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            throw RequestRefusedException.badRequest("id", "the case id must be a number, was " + id);
        }
    }

    /** @return the payment event of a case as JSON, for {@link ReviewCase#payload()} */
    public static String payloadOf(AbstractPaymentEvent event) {
        try {
            return RecurrenteJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the payment event of a review case", e);
        }
    }

    private AbstractPaymentEvent event(long id) {
        List<Map<String, Object>> row = rows("select payload from review_cases where id = ?", id);
        Object value = row.isEmpty() ? null : row.get(0).values().iterator().next();
        String payload = value == null ? null : value.toString();
        if (payload == null || payload.isBlank()) {
            release(id);
            throw new RequestRefusedException(
                    409, "case_not_postable", "id", "review case " + id + " has no payment event to post: dismiss it");
        }
        RecurrenteEvent event = RecurrenteEvents.parse(payload);
        if (!(event instanceof AbstractPaymentEvent p)) {
            release(id);
            throw new RequestRefusedException(
                    409, "case_not_postable", "id", "review case " + id + " does not hold a payment event");
        }
        return p;
    }

    private void claim(long id) {
        Instant now = Instant.now();
        int n = update(
                "update review_cases set status = ?, resolved_at = ? where id = ? and (status = ? or (status = ?"
                        + " and resolved_at < ?))",
                POSTING,
                LedgerDatabase.utc(now),
                id,
                OPEN,
                POSTING,
                LedgerDatabase.utc(now.minus(POSTING_TIMEOUT)));
        if (n == 0) {
            throw new RequestRefusedException(
                    409,
                    "case_not_open",
                    "id",
                    "review case " + id + " is not open (posted, dismissed or posting now)");
        }
    }

    /**
     * Resolves a case in status {@code from}: its new status, when, by whom and how; a posted case also records the
     * payment and the amount it was posted as (null for a dismissed one).
     *
     * @return 1 when the case was in status {@code from}, else 0 (nothing changed)
     */
    private int resolve(
            long id, String from, String to, String who, String resolution, String postedPaymentId, Long postedCents) {
        return update(
                "update review_cases set status = ?, resolved_at = ?, resolved_by = ?, resolution = ?,"
                        + " posted_payment_id = ?, posted_amount_cents = ? where id = ? and status = ?",
                to,
                LedgerDatabase.utc(Instant.now()),
                LedgerPostings.truncate(who, 64),
                LedgerPostings.truncate(resolution, 1000),
                postedPaymentId,
                postedCents,
                id,
                from);
    }

    /** The action's fields: form fields (headers of the operator port) or a JSON object body. */
    private static Map<String, Object> fields(Exchange exchange) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Object body = exchange.getMessage().getBody();
        String text =
                body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : body instanceof String s ? s : null;
        if (text != null && text.trim().startsWith("{")) {
            try {
                Object parsed = JSON.readValue(text, Object.class);
                if (parsed instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> fields.put(String.valueOf(k), v));
                }
            } catch (JsonProcessingException e) {
                throw RequestRefusedException.badRequest(null, "the body is not a JSON object");
            }
        }
        for (String name : List.of("payment_intent_id", "amount_in_cents", "currency", "reason")) {
            Object header = exchange.getMessage().getHeader(name);
            if (!fields.containsKey(name) && header != null) {
                fields.put(name, header);
            }
        }
        return fields;
    }

    private static long amount(Object value) {
        Long amount = null;
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            amount = ((Number) value).longValue();
        } else if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
            amount = d.longValue();
        } else if (value instanceof String s && s.trim().matches("[0-9]{1,15}")) {
            amount = Long.parseLong(s.trim());
        }
        if (amount == null || amount <= 0) {
            throw RequestRefusedException.badRequest(
                    "amount_in_cents",
                    "amount_in_cents is required: the charged amount you confirm, a whole number of cents > 0, was "
                            + value);
        }
        return amount;
    }

    private static Object loose(Map<String, Object> row, String key) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        return SqlRows.read(dataSource, "Review queue query", sql, params);
    }

    private long count(String sql, Object... params) {
        return SqlRows.number(dataSource, "Review queue query", sql, params);
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Review queue update failed: " + e.getMessage(), e);
        }
    }
}
