package io.github.camelrecurrente.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtensionNestedTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.create();

    static int port;

    @Test
    void outer(RecurrenteSandbox s) {
        port = s.port();
    }

    @Nested
    class Inner {
        @Test
        void innerSeesTheSameSandbox(RecurrenteSandbox s) {
            assertTrue(s.isRunning());
            assertEquals(port, s.port());
        }
    }

    /** Runs after the nested class finished and before the extension's own afterAll. */
    @AfterAll
    static void nestedClassDidNotStopTheSandbox() {
        assertTrue(ext.sandbox().isRunning(), "the @Nested class must not stop the outer class's sandbox");
        assertEquals(port, ext.sandbox().port());
    }
}
