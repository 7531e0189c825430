package io.github.camelrecurrente.examples;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.service.ServiceSupport;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The beans the YAML routes refer to (Java only where YAML cannot say it):
 * <ul>
 * <li>{@code ledgerDataSource}: the ledger database ({@code ledger.jdbc-url}, H2 file by default), a HikariCP pool
 * whose schema Flyway migrates ({@link LedgerDatabase}), also the default data source of camel-sql;</li>
 * <li>{@code webhookInbox}: the svix-id store of {@code recurrente:events}, a claim table in the same database
 * ({@link WebhookInbox}): shared by every node, so a delivery is routed once even when it reaches two nodes;</li>
 * <li>{@code felOutbox}: hands out the payments to invoice, each to one node at a time ({@link FelOutbox});</li>
 * <li>the cluster service of the {@code master:} routes (reconciliation and pruning timers run on one node at a
 * time): a {@link FileLockClusterService} on {@code examples.cluster.root}, unless a {@link CamelClusterService} is
 * already bound (e.g. camel-kubernetes' KubernetesClusterService, see docs/deployment.md);</li>
 * <li>{@link DrainingGate}: on shutdown, new requests are answered 503 while in-flight deliveries finish;</li>
 * <li>{@code ledgerPostings}: posting rules (integer cents) and {@code money}: formatting for templates;</li>
 * <li>{@code reconciliation}: the rules of routes/reconciliation.yaml (default period
 * {@code reconciliation.lookback}).</li>
 * </ul>
 */
public class ExamplesConfiguration implements CamelConfiguration {

    @PropertyInject("ledger.jdbc-url")
    private String jdbcUrl;
    @PropertyInject(value = "ledger.username", defaultValue = "")
    private String username;
    @PropertyInject(value = "ledger.password", defaultValue = "")
    private String password;
    @PropertyInject(value = "ledger.pool-size", defaultValue = "10")
    private int poolSize;
    @PropertyInject(value = "examples.node-id", defaultValue = "")
    private String nodeId;
    @PropertyInject(value = "examples.cluster.root", defaultValue = "./data/cluster")
    private String clusterRoot;
    @PropertyInject(value = "examples.cluster.acquire-lock-interval", defaultValue = "10000")
    private long clusterLockInterval;
    @PropertyInject(value = "recurrente.webhook.claim-lease", defaultValue = "PT60S")
    private String webhookClaimLease;
    @PropertyInject(value = "fel.claim.lease", defaultValue = "PT5M")
    private String felClaimLease;
    @PropertyInject(value = "fel.claim.batch-size", defaultValue = "20")
    private int felClaimBatchSize;
    @PropertyInject(value = "camel.server.port", defaultValue = "8080")
    private int serverPort;
    @PropertyInject(value = "reconciliation.lookback", defaultValue = "PT24H")
    private String reconciliationLookback;

    @Override
    public void configure(CamelContext context) throws Exception {
        String node = nodeId == null || nodeId.isBlank() ? defaultNodeId() : nodeId.trim();
        HikariDataSource dataSource = LedgerDatabase.create(jdbcUrl, username, password, poolSize);
        context.getRegistry().bind("ledgerDataSource", DataSource.class, dataSource);
        // closed when Camel stops (after the routes)
        context.addService(new PoolCloser(dataSource), true, true);
        WebhookInbox inbox = new WebhookInbox(dataSource, node, Duration.parse(webhookClaimLease.trim()));
        context.getRegistry().bind("webhookInbox", inbox);
        context.getRegistry().bind("felOutbox", new FelOutbox(dataSource, node, Duration.parse(felClaimLease.trim()),
                felClaimBatchSize));
        if (context.hasService(CamelClusterService.class) == null
            && context.getRegistry().findByType(CamelClusterService.class).isEmpty()) {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(node);
            cluster.setRoot(clusterRoot);
            cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(clusterLockInterval, TimeUnit.MILLISECONDS);
            context.addService(cluster);
        }
        context.getManagementStrategy().addEventNotifier(new DrainingGate(serverPort));
        context.getRegistry().bind("ledgerPostings", new LedgerPostings());
        context.getRegistry().bind("money", new Money());
        context.getRegistry().bind("reconciliation", new Reconciliation(Duration.parse(reconciliationLookback.trim())));
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
