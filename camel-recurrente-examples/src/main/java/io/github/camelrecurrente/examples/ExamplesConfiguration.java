package io.github.camelrecurrente.examples;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceHelper;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The beans the YAML routes refer to (Java only where YAML cannot say it):
 * <ul>
 * <li>{@code ledgerDataSource}: the ledger database ({@code ledger.jdbc-url}, H2 file by default), also the default
 * data source of camel-sql;</li>
 * <li>{@code webhookInbox}: the svix-id de-duplication store of {@code recurrente:events}, a table in the same database
 * (camel-sql {@link JdbcMessageIdRepository}), so a delivery seen before a restart is still recognised;</li>
 * <li>{@code ledgerPostings}: posting rules (integer cents) and {@code money}: formatting for templates;</li>
 * <li>{@code reconciliation}: the rules of routes/reconciliation.yaml (default period {@code reconciliation.lookback}).</li>
 * <li>{@code refundBooking}: the ledger checks of operator refunds and the completion of refund events;</li>
 * <li>the operator side (unless {@code examples.ops.enabled=false}): the {@code ops-http} component, a platform-http
 * on its own HTTP server ({@code examples.ops.host}, default 127.0.0.1, port {@code examples.ops.port}) whose every
 * route is behind the {@link OperatorGuard} (bearer tokens {@code examples.ops.token}); beans
 * {@code operatorResponses}, {@code operatorLogin}, {@code statusPage}.</li>
 * </ul>
 */
public class ExamplesConfiguration implements CamelConfiguration {

    /** Largest operator request body (JSON requests and login forms are small). */
    private static final long OPS_MAX_BODY_BYTES = 64 * 1024;

    @PropertyInject("ledger.jdbc-url")
    private String jdbcUrl;
    @PropertyInject(value = "ledger.username", defaultValue = "")
    private String username;
    @PropertyInject(value = "ledger.password", defaultValue = "")
    private String password;
    @PropertyInject(value = "reconciliation.lookback", defaultValue = "PT24H")
    private String reconciliationLookback;
    @PropertyInject(value = "examples.ops.enabled", defaultValue = "true")
    private boolean opsEnabled;
    @PropertyInject(value = "examples.ops.token", defaultValue = "")
    private String opsToken;
    @PropertyInject(value = "examples.ops.host", defaultValue = "127.0.0.1")
    private String opsHost;
    @PropertyInject(value = "examples.ops.port", defaultValue = "9877")
    private int opsPort;
    @PropertyInject(value = "examples.ops.session-ttl", defaultValue = "PT8H")
    private String opsSessionTtl;

    @Override
    public void configure(CamelContext context) throws Exception {
        DataSource dataSource = LedgerDatabase.create(jdbcUrl, username, password);
        context.getRegistry().bind("ledgerDataSource", DataSource.class, dataSource);
        JdbcMessageIdRepository inbox = new JdbcMessageIdRepository(dataSource, "recurrente-webhooks");
        context.getRegistry().bind("webhookInbox", inbox);
        context.addService(inbox, true, true);
        context.getRegistry().bind("ledgerPostings", new LedgerPostings());
        context.getRegistry().bind("money", new Money());
        context.getRegistry().bind("reconciliation", new Reconciliation(Duration.parse(reconciliationLookback.trim())));
        context.getRegistry().bind("refundBooking", new RefundBooking(dataSource));
        if (opsEnabled) {
            configureOperatorServer(context, dataSource);
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
        OperatorSessions sessions = new OperatorSessions(Duration.parse(opsSessionTtl.trim()), Clock.systemUTC());
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
        component.setEngine(new OperatorHttpEngine(server, opsPort, guard));
        context.addComponent("ops-http", component);
        context.getRegistry().bind("operatorResponses", new OperatorResponses());
        context.getRegistry().bind("operatorLogin", new OperatorLogin(tokens, sessions));
        context.getRegistry().bind("statusPage", new StatusPage(dataSource));
    }
}
