/**
 * The ledger: the database (HikariCP pool, Flyway migrations, UTC times, one JDBC transaction), the posting rules
 * ({@code LedgerPostings}: payments, fees, receivables, refunds as credit notes, subscriptions, the FEL request), the
 * chart of accounts, money on integer cents and the read-only {@code LedgerReport}. Routes: {@code routes/ledger/}.
 * <p>
 * The bottom layer: imports no other package of the bundle (only the component's model, Camel, JDBC, Flyway,
 * HikariCP). Every other package may import it.
 */
package io.github.camelrecurrente.examples.ledger;
