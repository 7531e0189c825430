package io.github.camelrecurrente.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelrecurrente.sandbox.webhook.WebhookDispatcher;
import io.github.camelrecurrente.sandbox.webhook.WebhookTarget;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook history (events, delivery log, re-sendable messages) stays within its capacity, oldest forgotten first. */
class WebhookHistoryTest {

    @Test
    void keepsTheNewestEventsDeliveriesAndMessages() {
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(List.of(Duration.ZERO), Duration.ofSeconds(1), 3)) {
            // every message to this endpoint is dropped: the drop is logged at once, no HTTP involved
            WebhookTarget target =
                    new WebhookTarget("we_1", "http://127.0.0.1:9/hook", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            dispatcher.dropNext("we_1", 100, null);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(dispatcher.publish(
                        "acct",
                        "payment_intent.succeeded",
                        ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                        List.of(target)));
            }
            assertEquals(
                    ids.subList(2, 5),
                    dispatcher.events().stream().map(WebhookEvent::messageId).toList());
            assertEquals(
                    ids.subList(2, 5),
                    dispatcher.deliveries().stream()
                            .map(WebhookDelivery::messageId)
                            .toList());
            assertTrue(dispatcher.deliveries().stream().allMatch(d -> "dropped".equals(d.error())));
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> dispatcher.resend(ids.get(0), null));
            assertTrue(e.getMessage().contains(ids.get(0)), e.getMessage());
            assertEquals(1, dispatcher.resend(ids.get(4), "we_1"), "a kept message can still be re-sent");
        }
    }

    @Test
    void capacityIsValidated() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new WebhookDispatcher(List.of(Duration.ZERO), Duration.ofSeconds(1), 0));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RecurrenteSandbox.builder().webhookHistory(0));
        assertTrue(e.getMessage().contains("Webhook history"), e.getMessage());
        IllegalArgumentException cli = assertThrows(
                IllegalArgumentException.class,
                () -> SandboxMain.start(
                        new String[] {"--port", "0", "--webhook-history", "0"},
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        assertTrue(cli.getMessage().contains("Webhook history"), cli.getMessage());
    }
}
