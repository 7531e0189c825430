package io.github.camelrecurrente.component.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEventParseException;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fast parser gives exactly what RecurrenteEvents.parse gives: same class, same content, same errors. */
class EventParserTest {

    static List<byte[]> samples() {
        List<byte[]> out = new ArrayList<>();
        for (String f : List.of(
                "payment_intent.succeeded.postman-docs.json",
                "payment_intent.failed.postman-docs.json",
                "bank_transfer_intent.succeeded.postman-docs.json",
                "setup_intent.succeeded.postman-docs.json",
                "subscription.create.postman-docs.json")) {
            out.add(WebhookTestSupport.resource(f));
        }
        for (String s : List.of(
                "{\"id\":\"in_1\",\"type\":\"payment\",\"event_type\":\"intent.succeeded\",\"amount_in_cents\":\"500\"}",
                "{\"id\":\"pa_1\",\"status\":\"succeeded\",\"type\":\"setup_intent.succeeded\"}",
                "{\"event_type\":\"  \",\"type\":\"subscription.cancel\",\"id\":\"su_1\"}",
                "{\"event_type\":42,\"type\":\"refund.create\",\"refund\":{\"id\":\"re_1\"}}",
                "{\"nested\":{\"event_type\":\"intent.paid\"},\"event_type\":\"transfer.sent\",\"x\":[1,{\"type\":\"a\"}]}",
                "{\"event_type\":\"dispute.create\"}")) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void sameResultAsTheModelParser() throws Exception {
        for (byte[] body : samples()) {
            RecurrenteEvent expected = RecurrenteEvents.parse(body);
            RecurrenteEvent actual = EventParser.parse(body);
            assertSame(expected.getClass(), actual.getClass(), new String(body, StandardCharsets.UTF_8));
            assertEquals(expected.getEventType(), actual.getEventType());
            assertEquals(expected.getResourceId(), actual.getResourceId());
            assertEquals(
                    RecurrenteJson.mapper().writeValueAsString(expected),
                    RecurrenteJson.mapper().writeValueAsString(actual));
        }
    }

    @Test
    void sameErrorsAsTheModelParser() {
        for (String bad : List.of(
                "",
                "{not json",
                "[1,2]",
                "\"x\"",
                "{\"id\":\"pa_1\"}",
                "{\"event_type\":\"x\"} trailing",
                "{\"event_type\":\"payment_intent.succeeded\",\"amount_in_cents\":{\"a\":1}}")) {
            byte[] body = bad.getBytes(StandardCharsets.UTF_8);
            RecurrenteEventParseException expected =
                    assertThrows(RecurrenteEventParseException.class, () -> RecurrenteEvents.parse(body), bad);
            RecurrenteEventParseException actual =
                    assertThrows(RecurrenteEventParseException.class, () -> EventParser.parse(body), bad);
            assertEquals(expected.getMessage(), actual.getMessage());
        }
    }
}
