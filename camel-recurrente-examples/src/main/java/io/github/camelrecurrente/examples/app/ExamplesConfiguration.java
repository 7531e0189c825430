package io.github.camelrecurrente.examples.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelrecurrente.examples.inbox.DrainingGate;
import io.github.camelrecurrente.examples.inbox.IntakeRate;
import io.github.camelrecurrente.examples.inbox.WebhookInbox;
import io.github.camelrecurrente.examples.invoicing.FelCancellation;
import io.github.camelrecurrente.examples.invoicing.FelOutbox;
import io.github.camelrecurrente.examples.invoicing.FelReplay;
import io.github.camelrecurrente.examples.invoicing.InvoicingMode;
import io.github.camelrecurrente.examples.invoicing.PaymentInvoices;
import io.github.camelrecurrente.examples.invoicing.RefundCredits;
import io.github.camelrecurrente.examples.invoicing.fel.FelInvoicing;
import io.github.camelrecurrente.examples.invoicing.fel.FelProperties;
import io.github.camelrecurrente.examples.ledger.DurationProperty;
import io.github.camelrecurrente.examples.ledger.EventScope;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.LedgerPostings;
import io.github.camelrecurrente.examples.ledger.Money;
import io.github.camelrecurrente.examples.operator.OperatorAudit;
import io.github.camelrecurrente.examples.operator.OperatorGuard;
import io.github.camelrecurrente.examples.operator.OperatorHttpEngine;
import io.github.camelrecurrente.examples.operator.OperatorLogin;
import io.github.camelrecurrente.examples.operator.OperatorResponses;
import io.github.camelrecurrente.examples.operator.OperatorSessions;
import io.github.camelrecurrente.examples.operator.OperatorTokens;
import io.github.camelrecurrente.examples.operator.StatusPage;
import io.github.camelrecurrente.examples.reconciliation.Reconciliation;
import io.github.camelrecurrente.examples.refunds.RefundBooking;
import io.github.camelrecurrente.examples.review.ReviewQueue;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The beans the YAML routes refer to (Java only where YAML cannot say it):
 * <ul>
 * <li>{@code ledgerDataSource}: the ledger database ({@code ledger.jdbc-url}, H2 file by default), a HikariCP pool
 * whose schema Flyway migrates ({@link LedgerDatabase}), also the default data source of camel-sql;</li>
 * <li>{@code webhookInbox}: the durable webhook inbox in the same database ({@link WebhookInbox}): a delivery is
 * stored before it is answered, stored once even when it reaches two nodes, and posted by one node; while the node
 * receives a burst ({@link IntakeRate}), it and the FEL outbox take small batches so that answering comes first;</li>
 * <li>{@code felOutbox}: hands out the payments to invoice, each to one node at a time, and records each step before
 * its side effect, so a step left in doubt by a dead node is resolved once ({@link FelOutbox});
 * {@code paymentInvoices}: a payment's FACT certified through the {@code felInvoicing} bound by the app
 * ({@link PaymentInvoices}, {@link InvoicingMode} bound as {@code invoicingMode}); {@code felWorkers}: the threads
 * that work on a claimed batch at once ({@code fel.infile.concurrent-requests}); {@code felReplay}: the operator's
 * replay of the dead letters ({@link FelReplay}); {@code felCancellation}: the operator's anulación of an invoice
 * ({@link FelCancellation});</li>
 * <li>the cluster service of the {@code master:} routes (reconciliation and pruning timers run on one node at a
 * time), chosen by {@code examples.cluster.service}: PostgreSQL advisory locks ({@link PostgresLockClusterService}) when
 * the ledger is on PostgreSQL, a {@link FileLockClusterService} on {@code examples.cluster.root} otherwise, unless a
 * {@link CamelClusterService} is already bound (e.g. camel-kubernetes' KubernetesClusterService on a Lease, see
 * docs/deployment.md);</li>
 * <li>{@link DrainingGate}: on shutdown, new requests are answered 503 while in-flight deliveries finish;</li>
 * <li>{@code ledgerPostings}: posting rules (integer cents) and {@code money}: formatting for templates;</li>
 * <li>{@code reconciliation}: the rules of routes/reconciliation/reconciliation.yaml (default period
 * {@code reconciliation.lookback}).</li>
 * <li>{@code refundBooking}: the ledger checks of operator refunds and the completion of refund events;</li>
 * <li>{@code reviewQueue}: the cases the documented data does not decide, until an operator posts or dismisses them;
 * {@code eventScope}: whose books an event belongs in (live or test keys, connected accounts); their meters
 * ({@link BooksMeters});</li>
 * <li>the operator side (unless {@code examples.ops.enabled=false}): the {@code ops-http} component, a platform-http
 * on its own HTTP server ({@code examples.ops.host}, default 127.0.0.1, port {@code examples.ops.port}) whose every
 * route is behind the {@link OperatorGuard} (bearer tokens {@code examples.ops.token}); beans
 * {@code operatorResponses}, {@code operatorLogin}, {@code statusPage}.</li>
 * </ul>
 */
public class ExamplesConfiguration implements CamelConfiguration {

    /** The bean of the invoicing mode, decided by the app before Camel starts ({@link ExamplesStack}). */
    public static final String INVOICING_MODE = "invoicingMode";

    /** The bean of the invoicing client (absent with {@code fel.certifier=off}). */
    public static final String FEL_INVOICING = "felInvoicing";

    /** Largest operator request body (JSON requests and login forms are small). */
    private static final long OPS_MAX_BODY_BYTES = 64 * 1024;

    @PropertyInject("ledger.jdbc-url")
    private String jdbcUrl;

    @PropertyInject(value = "ledger.username", defaultValue = "")
    private String username;

    @PropertyInject(value = "ledger.password", defaultValue = "")
    private String password;

    @PropertyInject(value = "ledger.pool-size", defaultValue = "10")
    private int poolSize;

    @PropertyInject(value = "ledger.connection-timeout", defaultValue = "30s")
    private String connectionTimeout;

    @PropertyInject(value = "examples.node-id", defaultValue = "")
    private String nodeId;

    @PropertyInject(value = "examples.cluster.service", defaultValue = "auto")
    private String clusterServiceKind;

    @PropertyInject(value = "examples.cluster.acquire-interval", defaultValue = "2s")
    private String clusterAcquireInterval;

    @PropertyInject(value = "examples.cluster.check-timeout", defaultValue = "2s")
    private String clusterCheckTimeout;

    @PropertyInject(value = "examples.cluster.keep-alive", defaultValue = "15s")
    private String clusterKeepAlive;

    @PropertyInject(value = "examples.cluster.root", defaultValue = "./data/cluster")
    private String clusterRoot;

    @PropertyInject(value = "examples.cluster.acquire-lock-interval", defaultValue = "10s")
    private String clusterLockInterval;

    @PropertyInject(value = "inbox.lease", defaultValue = "60s")
    private String inboxLease;

    @PropertyInject(value = "inbox.batch-size", defaultValue = "50")
    private int inboxBatchSize;

    @PropertyInject(value = "inbox.retry-delays", defaultValue = "5s,30s,2m,10m,30m,2h,6h")
    private String inboxRetryDelays;

    @PropertyInject(value = "inbox.burst-batch-size", defaultValue = "2")
    private int inboxBurstBatchSize;

    @PropertyInject(value = "fel.claim.burst-batch-size", defaultValue = "0")
    private int felBurstBatchSize;

    @PropertyInject(value = "examples.burst.deliveries-per-second", defaultValue = "50")
    private int burstThreshold;

    @PropertyInject(value = "fel.claim.lease", defaultValue = "5m")
    private String felClaimLease;

    @PropertyInject(value = "fel.claim.batch-size", defaultValue = "20")
    private int felClaimBatchSize;

    @PropertyInject(value = FelProperties.INFILE_CONCURRENT_REQUESTS, defaultValue = "25")
    private int felConcurrentRequests;

    @PropertyInject(value = "camel.server.port", defaultValue = "8080")
    private int serverPort;

    @PropertyInject(value = "reconciliation.lookback", defaultValue = "24h")
    private String reconciliationLookback;

    @PropertyInject(value = "recurrente.secret-key", defaultValue = "")
    private String secretKey;

    @PropertyInject(value = "ledger.connected-accounts", defaultValue = "apart")
    private String connectedAccounts;

    @PropertyInject(value = "examples.ops.enabled", defaultValue = "true")
    private boolean opsEnabled;

    @PropertyInject(value = "examples.ops.token", defaultValue = "")
    private String opsToken;

    @PropertyInject(value = "examples.ops.host", defaultValue = "127.0.0.1")
    private String opsHost;

    @PropertyInject(value = "examples.ops.port", defaultValue = "9877")
    private int opsPort;

    @PropertyInject(value = "examples.ops.session-ttl", defaultValue = "8h")
    private String opsSessionTtl;

    @Override
    public void configure(CamelContext context) throws Exception {
        String node = nodeId == null || nodeId.isBlank() ? defaultNodeId() : nodeId.trim();
        HikariDataSource dataSource = LedgerDatabase.create(
                jdbcUrl,
                username,
                password,
                poolSize,
                DurationProperty.parse("ledger.connection-timeout", connectionTimeout));
        context.getRegistry().bind("ledgerDataSource", DataSource.class, dataSource);
        // closed when Camel stops (after the routes)
        context.addService(new PoolCloser(dataSource), true, true);
        // readiness of intake (docs/deployment.md, "Health for Kubernetes"): the database the inbox stores into
        HealthCheckRegistry.get(context).register(new LedgerDatabaseHealthCheck(dataSource, 2));
        IntakeRate intake = new IntakeRate(burstThreshold);
        WebhookInbox inbox = new WebhookInbox(
                        dataSource,
                        node,
                        DurationProperty.parse("inbox.lease", inboxLease),
                        inboxBatchSize,
                        WebhookInbox.retryDelays(inboxRetryDelays))
                .withIntake(intake, inboxBurstBatchSize);
        context.getRegistry().bind("webhookInbox", inbox);
        FelOutbox outbox = new FelOutbox(
                        dataSource, node, DurationProperty.parse("fel.claim.lease", felClaimLease), felClaimBatchSize)
                .withIntake(intake, felBurstBatchSize);
        context.getRegistry().bind("felOutbox", outbox);
        InvoicingMode mode = context.getRegistry().lookupByNameAndType(INVOICING_MODE, InvoicingMode.class);
        if (mode == null) {
            throw new IllegalStateException("No bean " + INVOICING_MODE + ": start the examples app through"
                    + " ExamplesStack, which decides fel.certifier before Camel starts");
        }
        FelInvoicing fel = context.getRegistry().lookupByNameAndType(FEL_INVOICING, FelInvoicing.class);
        context.getRegistry().bind("paymentInvoices", new PaymentInvoices(outbox, fel, mode, Clock.systemUTC()));
        context.getRegistry().bind("felReplay", new FelReplay(dataSource));
        context.getRegistry().bind("felCancellation", new FelCancellation(dataSource, fel, Clock.systemUTC()));
        context.getRegistry()
                .bind(
                        "refundCredits",
                        new RefundCredits(
                                dataSource,
                                outbox,
                                fel,
                                Clock.systemUTC(),
                                DurationProperty.parse("fel.claim.lease", felClaimLease)));
        if (felConcurrentRequests < 1) {
            throw new IllegalArgumentException(
                    FelProperties.INFILE_CONCURRENT_REQUESTS + ": must be at least 1, got " + felConcurrentRequests);
        }
        // the payments of a claimed batch are worked on at once, as many as INFILE may get requests at a time
        context.getRegistry()
                .bind(
                        "felWorkers",
                        context.getExecutorServiceManager()
                                .newFixedThreadPool(this, "fel-invoicing", felConcurrentRequests));
        if (context.hasService(CamelClusterService.class) == null
                && context.getRegistry().findByType(CamelClusterService.class).isEmpty()) {
            CamelClusterService cluster = clusterService(node, dataSource);
            if (cluster != null) {
                context.addService(cluster);
            }
        }
        context.getManagementStrategy().addEventNotifier(new DrainingGate(serverPort));
        context.getRegistry().bind("ledgerPostings", new LedgerPostings());
        context.getRegistry().bind("money", new Money());
        context.getRegistry()
                .bind(
                        "reconciliation",
                        new Reconciliation(DurationProperty.parse("reconciliation.lookback", reconciliationLookback)));
        context.getRegistry().bind("refundBooking", new RefundBooking(dataSource));
        ReviewQueue reviewQueue = new ReviewQueue(dataSource);
        context.getRegistry().bind("reviewQueue", reviewQueue);
        if (!"apart".equals(connectedAccounts.trim()) && !"ignore".equals(connectedAccounts.trim())) {
            throw new IllegalArgumentException(
                    "ledger.connected-accounts must be apart or ignore, was " + connectedAccounts);
        }
        // only the key's prefix (live or test) is kept, never the key
        EventScope scope = new EventScope(secretKey);
        context.getRegistry().bind("eventScope", scope);
        context.addStartupListener(new BooksMeters(reviewQueue, scope));
        if (opsEnabled) {
            configureOperatorServer(context, dataSource);
        }
    }

    /**
     * The cluster service of the {@code master:} routes, by {@code examples.cluster.service}: {@code postgresql}
     * ({@link PostgresLockClusterService}: advisory locks in the ledger database, all that several nodes need to
     * share), {@code file} (camel-file's {@link FileLockClusterService} on {@code examples.cluster.root}: a shared
     * volume with working file locks), {@code none} (every node runs the timers: one node only), or {@code auto} (the
     * default: {@code postgresql} when the ledger is on PostgreSQL, else {@code file}, as for the single-node H2 demo).
     */
    private CamelClusterService clusterService(String node, DataSource dataSource) {
        String kind =
                clusterServiceKind == null ? "auto" : clusterServiceKind.trim().toLowerCase(java.util.Locale.ROOT);
        if (kind.equals("auto")) {
            kind = jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "file";
        }
        switch (kind) {
            case "postgresql" -> {
                if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                    throw new IllegalArgumentException("examples.cluster.service=postgresql needs the ledger on"
                            + " PostgreSQL (ledger.jdbc-url=jdbc:postgresql:...), got a "
                            + (jdbcUrl == null ? "missing" : jdbcUrl.replaceFirst("^(jdbc:[a-z0-9]+:).*", "$1..."))
                            + " URL");
                }
                PostgresLockClusterService cluster = new PostgresLockClusterService(dataSource);
                cluster.setId(node);
                cluster.setAcquireInterval(
                        DurationProperty.parse("examples.cluster.acquire-interval", clusterAcquireInterval));
                cluster.setCheckTimeout(DurationProperty.parse("examples.cluster.check-timeout", clusterCheckTimeout));
                cluster.setKeepAlive(DurationProperty.parse("examples.cluster.keep-alive", clusterKeepAlive));
                return cluster;
            }
            case "file" -> {
                FileLockClusterService cluster = new FileLockClusterService();
                cluster.setId(node);
                cluster.setRoot(clusterRoot);
                cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
                cluster.setAcquireLockInterval(
                        DurationProperty.parse("examples.cluster.acquire-lock-interval", clusterLockInterval)
                                .toMillis(),
                        TimeUnit.MILLISECONDS);
                return cluster;
            }
            case "none" -> {
                return null;
            }
            default ->
                throw new IllegalArgumentException("examples.cluster.service must be auto, postgresql, file or"
                        + " none, got '" + clusterServiceKind + "'");
        }
    }

    /**
     * The operator port: a Vert.x HTTP server of its own (started here, stopped with Camel) and the {@code ops-http}
     * component whose routes it serves, each behind the {@link OperatorGuard}.
     */
    private void configureOperatorServer(CamelContext context, DataSource dataSource) throws Exception {
        if (opsToken == null || opsToken.isBlank()) {
            throw new IllegalArgumentException("The operator endpoints are enabled but examples.ops.token is empty:"
                    + " set EXAMPLES_OPS_TOKEN=label:token, or examples.ops.enabled=false");
        }
        OperatorTokens tokens = OperatorTokens.parse(opsToken);
        OperatorSessions sessions = new OperatorSessions(
                DurationProperty.parse("examples.ops.session-ttl", opsSessionTtl), Clock.systemUTC());
        OperatorGuard guard = new OperatorGuard(tokens, sessions, new OperatorAudit(dataSource));
        VertxPlatformHttpServerConfiguration config = new VertxPlatformHttpServerConfiguration();
        config.setBindHost(opsHost.trim());
        config.setBindPort(opsPort);
        config.setMaxBodySize(OPS_MAX_BODY_BYTES);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(config);
        server.setCamelContext(context);
        // started now, so that its router is registered before the ops-http consumers look it up
        ServiceHelper.startService(server);
        context.addService(server, true, false);
        PlatformHttpComponent component = new PlatformHttpComponent(context);
        sessions.install(
                VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(opsPort)));
        component.setEngine(new OperatorHttpEngine(server, opsPort, guard));
        context.addComponent("ops-http", component);
        context.getRegistry().bind("operatorResponses", new OperatorResponses());
        context.getRegistry().bind("operatorLogin", new OperatorLogin(tokens, sessions));
        context.getRegistry().bind("statusPage", new StatusPage(dataSource));
    }

    /** {@code host:pid}: unique per process. Set {@code examples.node-id} to a stable name to resume claims at once. */
    static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /** Closes the pool when Camel stops. */
    private static final class PoolCloser extends ServiceSupport {
        private final HikariDataSource dataSource;

        PoolCloser(HikariDataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        protected void doStop() {
            dataSource.close();
        }
    }
}
