package io.github.camelrecurrente.sandbox;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext =
            RecurrenteSandboxExtension.of(RecurrenteSandbox.builder().account("Ext", "pk_test_e", "sk_test_e"));

    private static int port;

    @Test
    @Order(1)
    void startsOnceAndResolvesTheParameter(RecurrenteSandbox sandbox) {
        assertSame(ext.sandbox(), sandbox);
        assertTrue(sandbox.isRunning());
        port = sandbox.port();
        assertEquals("http://127.0.0.1:" + port + "/api", ext.baseUrl());
        sandbox.seedCheckouts(3);
        assertEquals(3, sandbox.checkoutCount("sk_test_e"));
    }

    @Test
    @Order(2)
    void resetsBetweenTestsOnTheSameServer(RecurrenteSandbox sandbox) {
        assertEquals(port, sandbox.port(), "one sandbox per class");
        assertEquals(0, sandbox.checkoutCount("sk_test_e"));
    }
}
