package io.github.camelrecurrente.examples.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel cluster service (for {@code master:} routes) on what the nodes already share: the PostgreSQL database.
 * Each namespace is a PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) taken on one connection
 * that the service keeps open; the node holding the lock is the leader of that namespace.
 * <ul>
 * <li><b>A node that dies</b> (killed, crashed) loses its connection and PostgreSQL releases its locks at once; a
 * standby takes the lock at its next attempt ({@code acquireInterval}).</li>
 * <li><b>A node cut off from the database</b> gives up leadership as soon as its connection fails its check (every
 * {@code acquireInterval}, bounded by {@code checkTimeout}). PostgreSQL releases the lock once it sees the
 * connection dead: the connection sets {@code tcp_keepalives_idle}/{@code _interval}/{@code _count} from
 * {@code keepAlive} so that this happens within about {@code keepAlive} (not the operating system's two hours).
 * Since the cut-off leader stops after at most {@code acquireInterval + checkTimeout}, keep that well below
 * {@code keepAlive} (the defaults: 2 s + 2 s against 15 s); then two nodes are never leaders at the same time.</li>
 * <li>The connection carries {@code application_name} = the node id, so {@code pg_stat_activity} and
 * {@link #leaderOf(String)} say which node leads.</li>
 * </ul>
 * No table, no shared disk, no clock agreement between nodes. On one node (H2) the file lock of camel-file or no
 * cluster service at all serves equally: {@code examples.cluster.service} chooses.
 */
public final class PostgresLockClusterService extends AbstractCamelClusterService<PostgresLockClusterService.View> {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLockClusterService.class);
    private static final String KEY_PREFIX = "camel-recurrente-cluster:";

    private final DataSource dataSource;
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private Duration acquireInterval = Duration.ofSeconds(2);
    private Duration checkTimeout = Duration.ofSeconds(2);
    private Duration keepAlive = Duration.ofSeconds(15);
    private ScheduledExecutorService scheduler;
    private Connection connection;

    public PostgresLockClusterService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void setAcquireInterval(Duration acquireInterval) {
        this.acquireInterval = positive("examples.cluster.acquire-interval", acquireInterval);
    }

    public void setCheckTimeout(Duration checkTimeout) {
        this.checkTimeout = positive("examples.cluster.check-timeout", checkTimeout);
    }

    public void setKeepAlive(Duration keepAlive) {
        this.keepAlive = positive("examples.cluster.keep-alive", keepAlive);
    }

    private static Duration positive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, got " + value);
        }
        return value;
    }

    /** The 64-bit advisory lock key of a namespace (stable across nodes and releases). */
    static long lockKey(String namespace) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((KEY_PREFIX + namespace).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (h[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected View createView(String namespace) {
        return new View(namespace);
    }

    @Override
    protected void doStart() throws Exception {
        long interval = acquireInterval.toMillis();
        if (interval + checkTimeout.toMillis() >= keepAlive.toMillis()) {
            throw new IllegalArgumentException(
                    "examples.cluster.acquire-interval (" + acquireInterval
                            + ") + examples.cluster.check-timeout (" + checkTimeout
                            + ") must be shorter than examples.cluster.keep-alive (" + keepAlive
                            + "): a node cut off from the database must give up leadership before PostgreSQL releases its lock");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-pg-lock-" + getId());
            t.setDaemon(true);
            return t;
        });
        super.doStart();
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop(); // stops the views: each releases its lock
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            scheduler = null;
        }
        synchronized (this) {
            closeConnection();
        }
    }

    /** One round: check the connection, then try the lock of every view that does not lead. */
    private synchronized void tick() {
        try {
            if (connection != null && !connection.isValid((int) Math.max(1, checkTimeout.toSeconds()))) {
                LOG.warn(
                        "Cluster {}: the lock connection to the database failed its check; giving up leadership",
                        getId());
                loseAll();
            }
            if (connection == null) {
                connection = open();
            }
            for (View v : views.values()) {
                if (v.isRunAllowed() && !v.leader) {
                    v.tryAcquire(connection);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cluster {}: cannot reach the database for leadership ({}); not leading", getId(), e.getMessage());
            loseAll();
        }
    }

    private Connection open() throws SQLException {
        Connection c = dataSource.getConnection();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            long idle = Math.max(1, keepAlive.toSeconds() / 3);
            s.execute("set application_name = '" + getId().replace("'", "''") + "'");
            s.execute("set tcp_keepalives_idle = " + idle);
            s.execute("set tcp_keepalives_interval = " + Math.max(1, idle / 2));
            s.execute("set tcp_keepalives_count = 3");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void loseAll() {
        for (View v : views.values()) {
            v.lost();
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is gone already
            }
            connection = null;
        }
    }

    /** The node id ({@code application_name}) holding a namespace's lock, as PostgreSQL sees it, if any. */
    public Optional<String> leaderOf(String namespace) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select a.application_name from pg_locks l"
                        + " join pg_stat_activity a on a.pid = l.pid"
                        + " where l.locktype = 'advisory' and l.granted"
                        + " and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 1")) {
            long key = lockKey(namespace);
            q.setLong(1, key >>> 32);
            q.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the leader of " + namespace + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PostgresLockClusterService[" + getId() + "]";
    }

    /** One namespace: leader while this node's connection holds the namespace's advisory lock. */
    public final class View extends AbstractCamelClusterView {

        private final long key;
        private final Member local = new Member();
        private volatile boolean leader;

        View(String namespace) {
            super(PostgresLockClusterService.this, namespace);
            this.key = lockKey(namespace);
        }

        @Override
        protected void doStart() {
            views.put(getNamespace(), this);
            ScheduledExecutorService s = scheduler;
            if (s != null) {
                s.execute(PostgresLockClusterService.this::tick);
            }
        }

        @Override
        protected void doStop() {
            views.remove(getNamespace());
            synchronized (PostgresLockClusterService.this) {
                if (leader && connection != null) {
                    try (PreparedStatement q = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                        q.setLong(1, key);
                        q.execute();
                    } catch (SQLException e) {
                        LOG.debug("Cluster {}: unlock of {} failed: {}", getId(), getNamespace(), e.getMessage());
                    }
                }
                lost();
            }
        }

        void tryAcquire(Connection c) throws SQLException {
            try (PreparedStatement q = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                q.setLong(1, key);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        leader = true;
                        LOG.info("Cluster {}: leader of {}", getId(), getNamespace());
                        fireLeadershipChangedEvent(local);
                    }
                }
            }
        }

        void lost() {
            if (leader) {
                leader = false;
                LOG.info("Cluster {}: no longer leader of {}", getId(), getNamespace());
                fireLeadershipChangedEvent((CamelClusterMember) null);
            }
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return Collections.emptyList();
        }

        private final class Member implements CamelClusterMember {
            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return PostgresLockClusterService.this.getId();
            }
        }
    }
}
