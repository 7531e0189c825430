package io.github.camelrecurrente.examples.reconciliation;

import java.util.Map;

import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;

/** {@link ReconciliationAgainstDocumentedDataTest} with the ledger on a real PostgreSQL server (embedded, from Maven artifacts). */
class ReconciliationAgainstDocumentedDataOnPostgresTest extends ReconciliationAgainstDocumentedDataTest {

    @BeforeAll
    static void start() {
        startWith(Map.of(
                "ledger.jdbc-url",
                TestPostgres.newDatabase("recon"),
                "ledger.username",
                "postgres",
                "ledger.password",
                "postgres"));
    }
}
