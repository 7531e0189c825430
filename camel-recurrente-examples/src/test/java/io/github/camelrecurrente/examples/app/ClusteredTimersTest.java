package io.github.camelrecurrente.examples.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelrecurrente.examples.testsupport.TestStacks;
import org.apache.camel.component.master.MasterConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timers behind {@code master:} (webhook-inbox pruning, reconciliation) run on one node at a time: two apps share
 * the cluster service's directory ({@code examples.cluster.root}); exactly one is the leader, and when it stops the
 * other takes over.
 */
class ClusteredTimersTest {

    @TempDir
    Path dir;

    @Test
    void oneNodeRunsTheTimerAndTheOtherTakesOverWhenItStops() throws Exception {
        ExamplesStack a = ExamplesStack.start(node("a"));
        ExamplesStack b = ExamplesStack.start(node("b"));
        try {
            TestStacks.await(() -> leaders(a, b) == 1, Duration.ofSeconds(30), "one leader");
            ExamplesStack leader = isLeader(a) ? a : b;
            ExamplesStack standby = leader == a ? b : a;
            assertTrue(!isLeader(standby));
            leader.stopApp();
            TestStacks.await(() -> isLeader(standby), Duration.ofSeconds(30), "the standby takes over");
            assertEquals(1, leaders(standby));
        } finally {
            a.close();
            b.close();
        }
    }

    private Map<String, String> node(String name) {
        Map<String, String> p = TestStacks.properties(dir.resolve(name));
        p.put("examples.node-id", "node-" + name);
        p.put("examples.cluster.root", dir.resolve("shared-cluster").toString());
        p.put("examples.cluster.acquire-lock-interval", "200");
        p.put("inbox.pruning.enabled", "true");
        p.put("inbox.pruning.initial-delay", "100");
        p.put("inbox.pruning.period", "500");
        return p;
    }

    private static int leaders(ExamplesStack... stacks) {
        int n = 0;
        for (ExamplesStack s : stacks) {
            if (isLeader(s)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isLeader(ExamplesStack stack) {
        if (stack.app() == null) {
            return false;
        }
        return ((MasterConsumer)
                        stack.app().context().getRoute("webhook-inbox-pruning").getConsumer())
                .isMaster();
    }
}
