package io.github.camelrecurrente.examples.demo;

import java.nio.file.Path;
import java.util.Map;

import io.github.camelrecurrente.examples.testsupport.TestPostgres;

/** {@link SandboxScenarioEndToEndTest} with the ledger on a real PostgreSQL server (embedded, from Maven artifacts). */
class SandboxScenarioOnPostgresTest extends SandboxScenarioEndToEndTest {

    @Override
    Map<String, String> ledgerProperties(Path dir) {
        return Map.of(
                "ledger.jdbc-url",
                TestPostgres.newDatabase("scenario"),
                "ledger.username",
                "postgres",
                "ledger.password",
                "postgres");
    }
}
