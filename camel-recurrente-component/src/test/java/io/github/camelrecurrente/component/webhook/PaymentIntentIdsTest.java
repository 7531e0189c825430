package io.github.camelrecurrente.component.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.RecurrenteEventMessage;
import io.github.camelrecurrente.component.model.ModelFixtures;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvents;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code CamelRecurrentePaymentIntentId} comes only from a field that names the payment intent: the {@code id} of a
 * {@code payment_intent.*} event, or {@code checkout.latest_intent.id} when its {@code type} is {@code PaymentIntent}.
 * Never from {@code payment.id} (the documented examples show it naming another object than the payment intent), and
 * absent when no field names the payment intent (bank transfers, a unified intent without a latest intent). Built from
 * the documented webhook examples ({@code contract/webhooks}, copies of {@code webhook-examples/}) and the documented
 * shapes ({@code checkout.latest_intent} of "Get all checkouts", the unified intent of the migration guide).
 */
class PaymentIntentIdsTest {

    @Test
    void aPaymentIntentEventNamesItsPaymentIntentByItsId() {
        assertEquals("pa_id123", idOf("webhooks/payment_intent.succeeded.postman-docs.json", e -> {}));
        assertEquals("pa_id123", idOf("webhooks/payment_intent.failed.postman-docs.json", e -> {}));
        assertEquals("pa_id123", idOf("webhooks/payment_intent.succeeded.json", e -> {}));
    }

    @Test
    void aPaymentIntentEventWithoutIdIsNotNamedByItsPaymentId() {
        // the documented payload without its id: payment.id (pa_id123) and checkout.payment.id (pa_laybj3zw) remain,
        // and neither names the payment intent
        assertNull(idOf("webhooks/payment_intent.succeeded.postman-docs.json", e -> e.remove("id")));
    }

    @Test
    void bankTransfersNameNoPaymentIntent() {
        // id ba_123, payment.id and checkout.payment.id pa_123: the payment, not a payment intent
        for (String type : new String[] {"pending", "succeeded", "failed"}) {
            assertNull(idOf("webhooks/bank_transfer_intent." + type + ".json", e -> {}), type);
        }
        assertNull(idOf("webhooks/bank_transfer_intent.succeeded.postman-docs.json", e -> {}));
    }

    @Test
    void otherDocumentedEventsNameNone() {
        assertNull(idOf("webhooks/subscription.create.postman-docs.json", e -> {}), "payment.id pa_123 of su_123");
        assertNull(idOf("webhooks/setup_intent.succeeded.postman-docs.json", e -> {}));
    }

    @Test
    void aUnifiedIntentWithoutLatestIntentHasNoPaymentIntentId() {
        // in_9x8y7z6w with payment.id pa_123: the payment, so the id is unknown
        assertNull(idOf("webhooks/synthetic.intent.succeeded.json", e -> {}));
        assertNull(idOf(
                "webhooks/synthetic.intent.pending.bank_transfer.json",
                e -> object(e, "payment").put("id", "pa_123")));
    }

    @Test
    void aUnifiedIntentNamesTheLatestPaymentIntentOfItsCheckout() {
        assertEquals(
                "pa_4kq2m8vd",
                idOf("webhooks/synthetic.intent.succeeded.json", e -> latestIntent(e, "pa_4kq2m8vd", "PaymentIntent")));
    }

    @Test
    void aLatestIntentOfAnotherTypeNamesNoPaymentIntent() {
        assertNull(idOf(
                "webhooks/synthetic.intent.pending.bank_transfer.json",
                e -> latestIntent(e, "ba_7c1x9z", "BankTransferIntent")));
        assertNull(idOf("webhooks/synthetic.intent.succeeded.json", e -> latestIntent(e, "pa_5t6y7u", "SetupIntent")));
        assertNull(idOf("webhooks/synthetic.intent.succeeded.json", e -> latestIntent(e, "pa_5t6y7u", null)));
    }

    @Test
    void theLiveShapeNamesItsPaymentIntentByTheEventId() {
        // event id pa_id123, checkout.payment.id pa_laybj3zw, latest_intent PaymentIntent pa_id123
        assertEquals("pa_id123", idOf("webhooks/synthetic.payment_intent.succeeded.live-shape.json", e -> {}));
        // and a different payment.id changes nothing
        assertEquals(
                "pa_id123",
                idOf(
                        "webhooks/synthetic.payment_intent.succeeded.live-shape.json",
                        e -> object(e, "payment").put("id", "pa_w2e3r4")));
    }

    @Test
    void theHeaderIsAbsentWhenTheIdIsUnknown() {
        Message message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader(RecurrenteConstants.PAYMENT_INTENT_ID, "pa_of_a_previous_event");
        RecurrenteEventMessage.populate(
                message, ModelFixtures.bytes("webhooks/synthetic.intent.succeeded.json"), null, null);
        assertNull(message.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID));
        assertEquals("in_9x8y7z6w", message.getHeader(RecurrenteConstants.ID));

        RecurrenteEventMessage.populate(
                message,
                bytes("webhooks/synthetic.intent.succeeded.json", e -> latestIntent(e, "pa_4kq2m8vd", "PaymentIntent")),
                null,
                null);
        assertEquals("pa_4kq2m8vd", message.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID));
    }

    private static void latestIntent(ObjectNode event, String id, String type) {
        ObjectNode latest = object(event, "checkout").putObject("latest_intent");
        latest.put("id", id);
        latest.put("created_at", "2026-07-17T15:00:00.812-06:00");
        if (type != null) {
            latest.put("type", type);
        }
        latest.putObject("data").put("auth_code", "654321");
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
    }

    private static String idOf(String fixture, Consumer<ObjectNode> change) {
        RecurrenteEvent event = RecurrenteEvents.parse(bytes(fixture, change));
        return PaymentIntentIds.of(event);
    }

    private static byte[] bytes(String fixture, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) RecurrenteJson.mapper().readTree(ModelFixtures.bytes(fixture));
            change.accept(tree);
            return RecurrenteJson.mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
