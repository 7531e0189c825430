package io.github.camelrecurrente.sandbox;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionNoResetTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.create().resetBetweenTests(false);

    @Test
    @Order(1)
    void seeds(RecurrenteSandbox sandbox) {
        sandbox.seedCheckouts(4);
        assertEquals(4, sandbox.checkoutCount(RecurrenteSandbox.DEFAULT_SECRET_KEY));
    }

    @Test
    @Order(2)
    void dataSurvivesBetweenTestsWhenResetIsOff(RecurrenteSandbox sandbox) {
        assertEquals(4, sandbox.checkoutCount(RecurrenteSandbox.DEFAULT_SECRET_KEY));
    }
}
