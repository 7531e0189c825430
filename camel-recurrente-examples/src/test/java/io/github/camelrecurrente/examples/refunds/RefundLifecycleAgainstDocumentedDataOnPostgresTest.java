package io.github.camelrecurrente.examples.refunds;

import java.util.Map;

import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;

/** {@link RefundLifecycleAgainstDocumentedDataTest} with the ledger on a real PostgreSQL server (embedded, from Maven artifacts). */
class RefundLifecycleAgainstDocumentedDataOnPostgresTest extends RefundLifecycleAgainstDocumentedDataTest {

    @BeforeAll
    static void start() {
        startWith(Map.of(
                "ledger.jdbc-url",
                TestPostgres.newDatabase("refunds"),
                "ledger.username",
                "postgres",
                "ledger.password",
                "postgres"));
    }
}
