package io.github.camelrecurrente.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The svix-id store of {@code recurrente:events} (its {@code idempotentRepository}), shared by every node through the
 * ledger database (table {@code webhook_inbox}), so a delivery reaching two nodes at once is routed by one of them.
 * <p>
 * recurrente:events asks {@link #contains(String)} before routing a delivery and calls {@link #add(String)} and
 * {@link #confirm(String)} once the route completed. Here {@code contains} is an insert-first <em>claim</em>:
 * <ul>
 * <li>the id is new: this node inserts it (status {@code CLAIMED}); the primary key lets exactly one node win; the
 * answer is "not seen", so the delivery is routed;</li>
 * <li>the id is {@code DONE}: "seen", the delivery is answered 200 without routing;</li>
 * <li>the id is claimed by this node (an earlier attempt failed, or the node restarted under the same
 * {@code examples.node-id}), or by another node longer ago than the lease (that node died): the claim is taken
 * over and the delivery routed again (every posting is idempotent);</li>
 * <li>the id is claimed by another node within the lease: {@link DeliveryInProgressException}, which recurrente:events
 * answers 503, so the sender retries later, when the other node has finished.</li>
 * </ul>
 * {@code add}/{@code confirm} mark the id {@code DONE}. Our choice: the lease ({@code recurrente.webhook.claim-lease},
 * 60 s by default) is far longer than a delivery's route and far shorter than the sender's retry gaps (Svix: 5 s,
 * 5 min, 30 min, ...), so a crash costs at most one retry round. Times are the nodes' clocks (stored as UTC):
 * keep them in sync (NTP).
 */
public class WebhookInbox extends ServiceSupport implements IdempotentRepository {

    static final String CLAIMED = "CLAIMED";
    static final String DONE = "DONE";
    /** SQLSTATE of a unique-key violation (PostgreSQL and H2). */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookInbox.class);

    private final DataSource dataSource;
    private final String nodeId;
    private final Duration lease;
    private final Clock clock;

    public WebhookInbox(DataSource dataSource, String nodeId, Duration lease) {
        this(dataSource, nodeId, lease, Clock.systemUTC());
    }

    WebhookInbox(DataSource dataSource, String nodeId, Duration lease, Clock clock) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("recurrente.webhook.claim-lease must be positive, got " + lease);
        }
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.lease = lease;
        this.clock = clock;
    }

    /** Thrown by {@link #contains(String)} while another node is routing the same delivery. */
    public static final class DeliveryInProgressException extends RuntimeException {
        DeliveryInProgressException(String messageId, String node) {
            super("delivery " + messageId + " is being processed by node " + node + "; retry later");
        }
    }

    /** Claims the delivery for this node; see the class comment. */
    @Override
    public boolean contains(String messageId) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            if (insertClaim(c, messageId, now)) {
                return false;
            }
            try (PreparedStatement q =
                    c.prepareStatement("select status, node_id, claimed_at from webhook_inbox where message_id = ?")) {
                q.setString(1, messageId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        // pruned between the two statements: claim it again
                        return !insertClaim(c, messageId, now);
                    }
                    if (DONE.equals(rs.getString(1))) {
                        return true;
                    }
                    String owner = rs.getString(2);
                    LocalDateTime claimedAt = rs.getObject(3, LocalDateTime.class);
                    boolean mine = nodeId.equals(owner);
                    if (!mine && claimedAt.toInstant(ZoneOffset.UTC).plus(lease).isAfter(now)) {
                        throw new DeliveryInProgressException(messageId, owner);
                    }
                    if (takeOver(c, messageId, owner, claimedAt, now)) {
                        if (!mine) {
                            LOG.warn(
                                    "Webhook delivery {}: claim of node {} since {} expired, taken over by {}",
                                    messageId,
                                    owner,
                                    claimedAt,
                                    nodeId);
                        }
                        return false;
                    }
                    // another node took it over at this very moment
                    throw new DeliveryInProgressException(messageId, "(another)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "webhook_inbox: cannot claim delivery " + messageId + ": " + e.getMessage(), e);
        }
    }

    /** Marks the delivery DONE (recurrente:events calls it after the route completed). */
    @Override
    public boolean add(String messageId) {
        return markDone(messageId);
    }

    @Override
    public boolean confirm(String messageId) {
        return markDone(messageId);
    }

    /** Drops this node's claim of a delivery (not DONE ones), so any node may route it again at once. */
    @Override
    public boolean remove(String messageId) {
        return update(
                        "delete from webhook_inbox where message_id = ? and status = '" + CLAIMED + "' and node_id = ?",
                        messageId,
                        nodeId)
                > 0;
    }

    @Override
    public void clear() {
        update("delete from webhook_inbox", null, null);
    }

    /**
     * Deletes the ids recorded more than {@code retentionHours} ago (long after the sender's last retry, an id is no
     * longer needed to recognise a duplicate).
     *
     * @return how many were deleted
     */
    public int prune(long retentionHours) {
        LocalDateTime cutoff = utc(clock.instant().minus(Duration.ofHours(retentionHours)));
        try (Connection c = dataSource.getConnection();
                PreparedStatement d = c.prepareStatement("delete from webhook_inbox where claimed_at < ?")) {
            d.setObject(1, cutoff);
            return d.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("webhook_inbox: cannot prune: " + e.getMessage(), e);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public Duration lease() {
        return lease;
    }

    private boolean insertClaim(Connection c, String messageId, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into webhook_inbox (message_id, status, node_id, claimed_at) values (?, ?, ?, ?)")) {
            insert.setString(1, messageId);
            insert.setString(2, CLAIMED);
            insert.setString(3, nodeId);
            insert.setObject(4, utc(now));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Compare-and-set on the claim read before: only one node can take over a given claim. */
    private boolean takeOver(Connection c, String messageId, String owner, LocalDateTime claimedAt, Instant now)
            throws SQLException {
        try (PreparedStatement u = c.prepareStatement("update webhook_inbox set node_id = ?, claimed_at = ?"
                + " where message_id = ? and status = '" + CLAIMED + "'"
                + " and node_id = ? and claimed_at = ?")) {
            u.setString(1, nodeId);
            u.setObject(2, utc(now));
            u.setString(3, messageId);
            u.setString(4, owner);
            u.setObject(5, claimedAt);
            return u.executeUpdate() == 1;
        }
    }

    private boolean markDone(String messageId) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement(
                        "update webhook_inbox set status = '" + DONE + "', done_at = ? where message_id = ?")) {
            u.setObject(1, utc(now));
            u.setString(2, messageId);
            if (u.executeUpdate() == 1) {
                return true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "webhook_inbox: cannot record delivery " + messageId + ": " + e.getMessage(), e);
        }
        // routed without a claim row (pruned meanwhile): record it as done
        try (Connection c = dataSource.getConnection()) {
            if (insertClaim(c, messageId, now)) {
                return markDone(messageId);
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "webhook_inbox: cannot record delivery " + messageId + ": " + e.getMessage(), e);
        }
    }

    private int update(String sql, String a, String b) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement(sql)) {
            if (a != null) {
                u.setString(1, a);
                u.setString(2, b);
            }
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("webhook_inbox: " + e.getMessage(), e);
        }
    }

    /** Times are stored as UTC wall-clock values (TIMESTAMP without zone), the same on every node. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    protected void doStart() {
        LOG.info("Webhook inbox: deliveries claimed in table webhook_inbox as node {} (lease {})", nodeId, lease);
    }

    @Override
    protected void doStop() {
        // the data source belongs to the application
    }

    @Override
    public String toString() {
        return "WebhookInbox[node=" + nodeId + ", lease=" + lease + "]";
    }
}
