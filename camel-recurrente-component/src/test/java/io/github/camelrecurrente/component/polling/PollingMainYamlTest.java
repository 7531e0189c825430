package io.github.camelrecurrente.component.polling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The setup of docs/polling.md under Camel Main: a YAML route {@code master:...:recurrente:listCheckouts} with a
 * FileStateRepository bean, and the FileLockClusterService declared with {@code camel.beans.*} properties.
 */
class PollingMainYamlTest extends PollingTestSupport {

    @TempDir
    Path dir;

    @Test
    void yamlRouteWithFileStateAndFileLockClusterServiceUnderCamelMain() throws Exception {
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 7, t0.plusSeconds(1), t0.plusSeconds(7));
        Path state = dir.resolve("state/recurrente-state.dat");
        Path yaml = dir.resolve("routes.yaml");
        Files.writeString(yaml, """
                - beans:
                    - name: recurrenteState
                      type: org.apache.camel.support.processor.state.FileStateRepository
                      properties:
                        fileStore: "#class:java.io.File('%s')"
                - route:
                    id: checkout-sync
                    from:
                      uri: master:recurrente-checkouts:recurrente:listCheckouts
                      parameters:
                        delay: 100
                        initialDelay: 0
                        stateRepository: "#recurrenteState"
                        initialFromTime: "%s"
                      steps:
                        - to: direct:process-checkout
                """.formatted(state.toString().replace("\\", "/"), t0));

        List<Exchange> got = sink();
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + yaml);
        main.addInitialProperty("camel.component.recurrente.base-url", sandbox.baseUrl());
        main.addInitialProperty("camel.component.recurrente.secret-key", SK);
        main.addInitialProperty("camel.beans.clusterService",
                "#class:org.apache.camel.component.file.cluster.FileLockClusterService");
        main.addInitialProperty("camel.beans.clusterService.id", "node-1");
        main.addInitialProperty("camel.beans.clusterService.root", dir.resolve("cluster").toString());
        main.addInitialProperty("camel.beans.clusterService.acquireLockDelay", "100");
        main.addInitialProperty("camel.beans.clusterService.acquireLockDelayUnit", "MILLISECONDS");
        main.addInitialProperty("camel.beans.clusterService.acquireLockInterval", "200");
        main.addInitialProperty("camel.beans.clusterService.acquireLockIntervalUnit", "MILLISECONDS");
        main.addInitialProperty("camel.component.master.service", "#clusterService");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:process-checkout").process(got::add);
            }
        });
        main.start();
        try {
            CamelClusterService cluster = main.getCamelContext().hasService(CamelClusterService.class);
            assertNotNull(cluster, "Camel Main registered the cluster service bean as a service");
            assertInstanceOf(FileLockClusterService.class, cluster);
            assertInstanceOf(FileStateRepository.class, main.getCamelContext().getRegistry().lookupByName("recurrenteState"));

            await("7 checkouts", Duration.ofSeconds(20), () -> got.size() >= 7);
            fewPolls();
            assertEquals(seeded, ids(got));
            assertTrue(Files.readString(state).contains("recurrente.checkout-sync="), "position in the state file");
        } finally {
            main.stop();
        }
    }
}
