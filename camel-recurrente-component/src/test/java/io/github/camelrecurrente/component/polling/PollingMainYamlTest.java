package io.github.camelrecurrente.component.polling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.PropertyInject;
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
 * FileStateRepository bean, and the FileLockClusterService registered by a configuration class
 * ({@code camel.main.configuration-classes}) from properties.
 */
class PollingMainYamlTest extends PollingTestSupport {

    /** The configuration class of docs/polling.md: registers a FileLockClusterService from properties. */
    public static class ClusterConfiguration implements CamelConfiguration {

        @PropertyInject("recurrente.cluster.id")
        String id;

        @PropertyInject("recurrente.cluster.root")
        String root;

        @PropertyInject(value = "recurrente.cluster.acquire-lock-interval-millis", defaultValue = "10000")
        long intervalMillis;

        @Override
        public void configure(CamelContext camelContext) throws Exception {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(id);
            cluster.setRoot(root);
            cluster.setAcquireLockDelay(Math.min(1000, intervalMillis), TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(intervalMillis, TimeUnit.MILLISECONDS);
            camelContext.addService(cluster);
        }
    }

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
        main.addInitialProperty("recurrente.cluster.id", "node-1");
        main.addInitialProperty(
                "recurrente.cluster.root", dir.resolve("cluster").toString());
        main.addInitialProperty("recurrente.cluster.acquire-lock-interval-millis", "200");
        main.addInitialProperty("camel.main.configuration-classes", ClusterConfiguration.class.getName());
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
            assertInstanceOf(
                    FileStateRepository.class,
                    main.getCamelContext().getRegistry().lookupByName("recurrenteState"));

            await("7 checkouts", Duration.ofSeconds(20), () -> got.size() >= 7);
            fewPolls();
            assertEquals(seeded, ids(got));
            String saved = Files.readString(state);
            assertTrue(saved.contains("recurrente.checkout-sync="), "position in the state file: " + saved);
        } finally {
            main.stop();
        }
    }
}
