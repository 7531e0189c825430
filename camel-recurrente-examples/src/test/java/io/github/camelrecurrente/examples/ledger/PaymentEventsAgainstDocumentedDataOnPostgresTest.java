package io.github.camelrecurrente.examples.ledger;

import java.util.Map;

import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;

/** {@link PaymentEventsAgainstDocumentedDataTest} with the ledger on a real PostgreSQL server (embedded, from Maven artifacts). */
class PaymentEventsAgainstDocumentedDataOnPostgresTest extends PaymentEventsAgainstDocumentedDataTest {

    @BeforeAll
    static void start() {
        startWith(Map.of(
                "ledger.jdbc-url",
                TestPostgres.newDatabase("events"),
                "ledger.username",
                "postgres",
                "ledger.password",
                "postgres"));
    }
}
