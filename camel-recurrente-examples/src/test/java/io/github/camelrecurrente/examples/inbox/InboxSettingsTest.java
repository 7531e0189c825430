package io.github.camelrecurrente.examples.inbox;

import java.time.Duration;
import java.util.List;

import io.github.camelrecurrente.examples.invoicing.FelOutbox;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad settings of the webhook inbox and the burst rule fail at start with the property and the rule named. */
class InboxSettingsTest {

    @Test
    void retryDelaysAreCamelDurationsAndABadOneIsNamed() {
        assertEquals(
                List.of(Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofMillis(200)),
                WebhookInbox.retryDelays("5s, 30m,,2h,200"));
        for (String bad : new String[] {"5s,5 minutes", "PT5S"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> WebhookInbox.retryDelays(bad));
            assertTrue(e.getMessage().startsWith("inbox.retry-delays must be a duration such as"), e.getMessage());
        }
    }

    @Test
    void negativeSizesAndLeasesAreRefusedWithTheirProperty() {
        WebhookInbox inbox = new WebhookInbox(null, "n", Duration.ofSeconds(60), 50, List.of());
        IllegalArgumentException burst =
                assertThrows(IllegalArgumentException.class, () -> inbox.withIntake(new IntakeRate(50), -1));
        assertTrue(burst.getMessage().startsWith("inbox.burst-batch-size must not be negative"));
        IllegalArgumentException fel = assertThrows(
                IllegalArgumentException.class,
                () -> new FelOutbox(null, "n", Duration.ofMinutes(5), 20).withIntake(new IntakeRate(50), -2));
        assertTrue(fel.getMessage().startsWith("fel.claim.burst-batch-size must not be negative"), fel.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> new IntakeRate(-1));
        assertTrue(rate.getMessage().startsWith("examples.burst.deliveries-per-second"), rate.getMessage());
        IllegalArgumentException lease = assertThrows(
                IllegalArgumentException.class, () -> new WebhookInbox(null, "n", Duration.ZERO, 50, List.of()));
        assertTrue(lease.getMessage().startsWith("inbox.lease must be positive"));
        IllegalArgumentException batch = assertThrows(
                IllegalArgumentException.class, () -> new WebhookInbox(null, "n", Duration.ofSeconds(1), 0, List.of()));
        assertTrue(batch.getMessage().startsWith("inbox.batch-size must be at least 1"));
    }
}
