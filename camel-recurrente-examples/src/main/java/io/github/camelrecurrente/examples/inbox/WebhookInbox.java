package io.github.camelrecurrente.examples.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.RecurrenteEventMessage;
import io.github.camelrecurrente.examples.ledger.DurationProperty;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.SqlRows;
import io.github.camelrecurrente.examples.ledger.Transactions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable webhook inbox shared by every node (table {@code webhook_inbox}, routes/inbox/webhook-events.yaml): a delivery
 * is stored, then answered, then posted.
 * <ul>
 * <li>{@link #store(Exchange)}: the only step of the {@code recurrente:events} route. It inserts the delivery (its
 * svix-id, event type, svix-timestamp and the body exactly as received and verified) as {@code RECEIVED} and returns
 * once the insert is committed, so the 2xx that recurrente:events sends after the route is sent only for a delivery
 * that is durable. The svix-id is the primary key: a delivery that reaches two nodes at once, or again later, is stored
 * once and answered 2xx by both;</li>
 * <li>{@link #claim()}: the poster of each node (route {@code webhook-inbox-poster}) takes a batch of due deliveries
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED}, oldest first, and owns them until now + lease; two nodes never get
 * the same delivery. A node that dies leaves its claims behind; they expire after the lease and another node posts
 * them (every posting is idempotent);</li>
 * <li>{@link #toEvent(Exchange)} rebuilds the message recurrente:events would have routed (typed event and
 * {@code CamelRecurrente*} headers), {@link #done(String)} marks it {@code DONE}, {@link #failed(Exchange)} schedules
 * the next attempt ({@code inbox.retry-delays}) and, after the last, marks it {@code DEAD} (shown on
 * the status page; {@link #replayDead()} puts them back).</li>
 * </ul>
 * Our choice: the posting retries what Recurrente would have retried before (a failing route used to answer 5xx); the
 * sender now gets its 2xx as soon as the delivery is stored, which is what keeps the answer fast during a month-end
 * burst (docs/performance.md). Times are the nodes' clocks, stored as UTC: keep them in sync (NTP).
 */
public class WebhookInbox {

    static final String RECEIVED = "RECEIVED";
    static final String DONE = "DONE";
    static final String DEAD = "DEAD";
    /** SQLSTATE of a unique-key violation (PostgreSQL and H2). */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookInbox.class);

    private final DataSource dataSource;
    private final String nodeId;
    private final Duration lease;
    private final int batchSize;
    private final List<Duration> retryDelays;
    private final Clock clock;
    private IntakeRate intake = new IntakeRate(0);
    private int burstBatchSize = Integer.MAX_VALUE;

    public WebhookInbox(
            DataSource dataSource, String nodeId, Duration lease, int batchSize, List<Duration> retryDelays) {
        this(dataSource, nodeId, lease, batchSize, retryDelays, Clock.systemUTC());
    }

    WebhookInbox(
            DataSource dataSource,
            String nodeId,
            Duration lease,
            int batchSize,
            List<Duration> retryDelays,
            Clock clock) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("inbox.lease must be positive, got " + lease);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("inbox.batch-size must be at least 1, got " + batchSize);
        }
        for (Duration d : retryDelays) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("inbox.retry-delays must not be negative, got " + d);
            }
        }
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.lease = lease;
        this.batchSize = batchSize;
        this.retryDelays = List.copyOf(retryDelays);
        this.clock = clock;
    }

    /**
     * Counts the deliveries stored in {@code intake}; while it reports a burst, {@link #claim()} takes at most
     * {@code burstBatchSize} deliveries (see {@link IntakeRate}).
     */
    public WebhookInbox withIntake(IntakeRate intake, int burstBatchSize) {
        this.intake = intake;
        this.burstBatchSize = IntakeRate.checkBurstBatchSize("inbox.burst-batch-size", burstBatchSize);
        return this;
    }

    /** Parses {@code inbox.retry-delays}: durations (Camel's style: 5s, 10m, 2h) separated by commas. */
    public static List<Duration> retryDelays(String value) {
        List<Duration> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(DurationProperty.parse("inbox.retry-delays", part));
            }
        }
        return out;
    }

    /**
     * Stores the delivery on the exchange (headers {@code CamelRecurrenteEventId}, {@code CamelRecurrenteEventType},
     * {@code CamelRecurrenteEventTimestamp}, {@code CamelRecurrenteRawBody}); durable when this returns.
     *
     * @return false when the delivery was stored before (a duplicate: nothing to do)
     */
    public boolean store(Exchange exchange) {
        Message in = exchange.getMessage();
        byte[] body = in.getHeader(RecurrenteConstants.RAW_BODY, byte[].class);
        if (body == null) {
            throw new IllegalStateException("webhook_inbox: no " + RecurrenteConstants.RAW_BODY
                    + " header: store() must be the step of a recurrente:events route");
        }
        String messageId = in.getHeader(RecurrenteConstants.EVENT_ID, String.class);
        if (messageId == null || messageId.isBlank()) {
            // only without signature verification (svix-id is signed): keep it, under an id of its own
            messageId = "unsigned_" + UUID.randomUUID();
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into webhook_inbox (message_id, status,"
                        + " node_id, claimed_at, event_type, signed_at, body, attempts, next_attempt_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
            insert.setString(1, messageId);
            insert.setString(2, RECEIVED);
            insert.setString(3, nodeId);
            insert.setObject(4, LedgerDatabase.utc(now));
            insert.setString(5, in.getHeader(RecurrenteConstants.EVENT_TYPE, String.class));
            insert.setString(6, in.getHeader(RecurrenteConstants.EVENT_TIMESTAMP, String.class));
            insert.setString(7, new String(body, StandardCharsets.UTF_8));
            insert.setObject(8, LedgerDatabase.utc(now));
            insert.executeUpdate();
            intake.record();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException(
                    "webhook_inbox: cannot store delivery " + messageId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Claims up to {@code batchSize} due deliveries for this node ({@code burstBatchSize} during a burst).
     *
     * @return the claimed rows (messageId, eventType, signedAt, body, attempts), oldest first; empty when none
     */
    public List<Map<String, Object>> claim() {
        Instant now = clock.instant();
        int size = intake.batchSize(batchSize, burstBatchSize);
        if (size == 0) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Transactions.inTransaction(c, tx -> {
                rows.addAll(SqlRows.read(
                        tx,
                        "select message_id as \"messageId\", event_type as \"eventType\", signed_at as \"signedAt\","
                                + " body as \"body\", attempts as \"attempts\" from webhook_inbox"
                                + " where status = '" + RECEIVED + "' and next_attempt_at <= ?"
                                + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at"
                                + " fetch first " + size + " rows only for update skip locked",
                        LedgerDatabase.utc(now),
                        LedgerDatabase.utc(now)));
                if (!rows.isEmpty()) {
                    try (PreparedStatement u = tx.prepareStatement(
                            "update webhook_inbox set claimed_by = ?, claimed_until = ? where message_id = ?")) {
                        for (Map<String, Object> row : rows) {
                            u.setString(1, nodeId);
                            u.setObject(2, LedgerDatabase.utc(now.plus(lease)));
                            u.setString(3, (String) row.get("messageId"));
                            u.addBatch();
                        }
                        u.executeBatch();
                    }
                }
                return null;
            });
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("webhook_inbox: cannot claim deliveries: " + e.getMessage(), e);
        }
    }

    /**
     * Turns a claimed row (the body) into the message recurrente:events would have routed: the typed event as body,
     * the {@code CamelRecurrente*} event headers, and the variable {@code inboxMessageId}.
     */
    public void toEvent(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        String messageId = (String) row.get("messageId");
        exchange.setVariable("inboxMessageId", messageId);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        RecurrenteEventMessage.populate(
                message, ((String) row.get("body")).getBytes(StandardCharsets.UTF_8), messageId, (String)
                        row.get("signedAt"));
    }

    /** Marks a delivery posted. */
    public void done(String messageId) {
        Instant now = clock.instant();
        update(
                "update webhook_inbox set status = '" + DONE + "', done_at = ?, claimed_until = null,"
                        + " last_error = null where message_id = ?",
                messageId,
                LedgerDatabase.utc(now),
                messageId);
    }

    /**
     * A delivery's posting failed (the exception of the exchange, variable {@code inboxMessageId}): it is due again
     * after the next of {@code retryDelays}, or {@code DEAD} after the last.
     */
    public void failed(Exchange exchange) {
        String messageId = exchange.getVariable("inboxMessageId", String.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        String error = cause == null ? "unknown error" : cause.toString();
        if (error.length() > 1000) {
            error = error.substring(0, 1000);
        }
        int attempts = attemptsOf(messageId) + 1;
        Instant now = clock.instant();
        if (attempts > retryDelays.size()) {
            update(
                    "update webhook_inbox set status = '" + DEAD + "', attempts = ?, last_error = ?,"
                            + " claimed_until = null where message_id = ?",
                    messageId,
                    attempts,
                    error,
                    messageId);
            LOG.warn(
                    "Webhook inbox: delivery {} failed {} times, moved to DEAD (replay from the status page or"
                            + " POST /ops/webhooks/replay): {}",
                    messageId,
                    attempts,
                    error);
        } else {
            Duration delay = retryDelays.get(attempts - 1);
            update(
                    "update webhook_inbox set attempts = ?, last_error = ?, next_attempt_at = ?,"
                            + " claimed_until = null where message_id = ?",
                    messageId,
                    attempts,
                    error,
                    LedgerDatabase.utc(now.plus(delay)),
                    messageId);
            LOG.warn(
                    "Webhook inbox: delivery {} failed (attempt {}), retried in {}: {}",
                    messageId,
                    attempts,
                    delay,
                    error);
        }
    }

    /**
     * Every {@code DEAD} delivery is due again (attempts reset).
     *
     * @return how many
     */
    public int replayDead() {
        return update(
                "update webhook_inbox set status = '" + RECEIVED + "', attempts = 0, next_attempt_at = ?,"
                        + " claimed_until = null where status = '" + DEAD + "'",
                "(all dead)",
                LedgerDatabase.utc(clock.instant()));
    }

    /**
     * Deletes the posted deliveries received more than {@code retentionHours} ago (long after the sender's last retry,
     * a delivery id is no longer needed to recognise a duplicate). Deliveries not yet posted are kept.
     *
     * @return how many were deleted
     */
    public int prune(String retention) {
        Duration kept = DurationProperty.parse("inbox.retention", retention);
        return update(
                "delete from webhook_inbox where status = '" + DONE + "' and claimed_at < ?",
                "(prune)",
                LedgerDatabase.utc(clock.instant().minus(kept)));
    }

    public String nodeId() {
        return nodeId;
    }

    private int attemptsOf(String messageId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select attempts from webhook_inbox where message_id = ?")) {
            q.setString(1, messageId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "webhook_inbox: cannot read delivery " + messageId + ": " + e.getMessage(), e);
        }
    }

    private int update(String sql, String messageId, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                u.setObject(i + 1, parameters[i]);
            }
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("webhook_inbox: delivery " + messageId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "WebhookInbox[node=" + nodeId + ", lease=" + lease + ", batchSize=" + batchSize + "]";
    }
}
