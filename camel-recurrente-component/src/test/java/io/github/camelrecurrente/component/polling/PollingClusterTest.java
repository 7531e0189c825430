package io.github.camelrecurrente.component.polling;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes (CamelContexts) run the same {@code master:} polling route with a FileLockClusterService on a shared
 * directory and a state file on it: only the leader polls; when it stops, the other takes over from the stored
 * position.
 */
class PollingClusterTest extends PollingTestSupport {

    @TempDir
    Path shared;

    @Test
    void onlyTheLeaderPollsAndTheFollowerTakesOverWithoutDuplicates() throws Exception {
        Instant t0 = hourAgo();
        List<String> seeded = sandbox.seedCheckouts(SK, 20, t0.plusSeconds(1), t0.plusSeconds(20));
        File stateFile = shared.resolve("recurrente-state.dat").toFile();
        String uri = "master:recurrente-polling:recurrente:listCheckouts?initialDelay=0&delay=100&items=8"
                + "&stateRepository=#state&initialFromTime=" + t0;

        List<Exchange> gotA = sink();
        List<Exchange> gotB = sink();
        CamelContext a = node("node-a", stateFile, uri, gotA);
        CamelContext b = node("node-b", stateFile, uri, gotB);
        a.start();
        b.start();

        await("20 items on one node", Duration.ofSeconds(20), () -> gotA.size() + gotB.size() >= 20);
        sleep(600);
        boolean aLeads = !gotA.isEmpty();
        List<Exchange> leader = aLeads ? gotA : gotB;
        List<Exchange> follower = aLeads ? gotB : gotA;
        assertEquals(seeded, ids(leader), "the leader emitted everything once");
        assertEquals(0, follower.size(), "the follower did not poll");
        long polled = listRequests("/checkouts").size();
        assertTrue(polled >= 3, "the leader polls on: " + polled);

        // the leader goes away; new checkouts appear; the follower takes over from the stored position
        (aLeads ? a : b).stop();
        String x = sandbox.createCheckout(1000, "GTQ");
        String y = sandbox.createCheckout(2000, "GTQ");
        await("the follower to emit the new items", Duration.ofSeconds(20), () -> follower.size() >= 2);
        sleep(600);
        assertEquals(List.of(x, y), ids(follower), "only the new items, none of the leader's again");
        assertEquals(20, leader.size());
        String saved = java.nio.file.Files.readString(stateFile.toPath());
        assertTrue(saved.contains("recurrente.checkout-sync="), "keyed by the route id under master: too: " + saved);
    }

    private CamelContext node(String id, File stateFile, String uri, List<Exchange> sink) throws Exception {
        CamelContext ctx = newContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(id);
        cluster.setRoot(shared.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        ctx.addService(cluster);
        // each node has its own repository object on the shared file; the consumer loads it when it gets leadership
        ctx.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile));
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("checkout-sync").process(sink::add);
            }
        });
        return ctx;
    }
}
