package io.github.camelrecurrente.examples;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

import javax.sql.DataSource;
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
 * </ul>
 */
public class ExamplesConfiguration implements CamelConfiguration {

    @PropertyInject("ledger.jdbc-url")
    private String jdbcUrl;
    @PropertyInject(value = "ledger.username", defaultValue = "")
    private String username;
    @PropertyInject(value = "ledger.password", defaultValue = "")
    private String password;
    @PropertyInject(value = "reconciliation.lookback", defaultValue = "PT24H")
    private String reconciliationLookback;

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
    }
}
