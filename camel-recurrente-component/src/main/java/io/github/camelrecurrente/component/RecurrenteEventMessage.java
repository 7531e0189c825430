package io.github.camelrecurrente.component;

import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEventParseException;
import io.github.camelrecurrente.component.webhook.EventParser;
import io.github.camelrecurrente.component.webhook.PaymentIntentIds;
import org.apache.camel.Message;

/**
 * A webhook event on a Camel message, exactly as {@code recurrente:events} routes it: the typed event as the body and
 * the {@code CamelRecurrente*} event headers ({@link RecurrenteConstants#EVENT_TYPE}, {@link RecurrenteConstants#EVENT_ID},
 * {@link RecurrenteConstants#RESOURCE_ID}, {@link RecurrenteConstants#ID},
 * {@link RecurrenteConstants#PAYMENT_INTENT_ID}, {@link RecurrenteConstants#API_VERSION},
 * {@link RecurrenteConstants#ACCOUNT_ID}, {@link RecurrenteConstants#EVENT_TIMESTAMP}).
 * <p>
 * The consumer uses it for every delivery; a route that stores deliveries and processes them later (a durable inbox:
 * store {@link RecurrenteConstants#RAW_BODY} with the delivery id and timestamp, answer 2xx, post from the store)
 * uses {@link #populate(Message, byte[], String, String)} to rebuild the same message from what it stored.
 */
public final class RecurrenteEventMessage {

    private RecurrenteEventMessage() {}

    /**
     * Parses a stored delivery body (the same parser as the webhook) and puts the event on the message. When the body
     * cannot be parsed the message is left as it was.
     *
     * @param deliveryId the delivery id (svix-id), or null
     * @param timestamp the delivery's svix-timestamp (unix seconds), or null
     * @return the event
     * @throws RecurrenteEventParseException when the body is not JSON or not a Recurrente event
     */
    public static RecurrenteEvent populate(Message message, byte[] rawBody, String deliveryId, String timestamp) {
        RecurrenteEvent event = EventParser.parse(rawBody);
        populate(message, event, deliveryId, timestamp);
        return event;
    }

    /**
     * Puts the event and its headers on the message. A header without a value (no delivery id, no timestamp, an event
     * without a resource id, payment intent id, API version or connected account) is absent from the message
     * afterwards, also when the message carried it before (e.g. from a previous event on a reused message), so the
     * result is the same whatever the message held. For the same reason {@link RecurrenteConstants#CANONICAL} and
     * {@link RecurrenteConstants#RAW_BODY}, which describe one delivery and only the consumer sets (after this), are
     * removed.
     */
    public static void populate(Message message, RecurrenteEvent event, String deliveryId, String timestamp) {
        message.setBody(event);
        message.setHeader(RecurrenteConstants.EVENT_TYPE, event.getEventType());
        set(message, RecurrenteConstants.EVENT_ID, deliveryId);
        String resourceId = event.getResourceId();
        set(message, RecurrenteConstants.RESOURCE_ID, resourceId);
        set(message, RecurrenteConstants.ID, resourceId);
        set(message, RecurrenteConstants.PAYMENT_INTENT_ID, PaymentIntentIds.of(event));
        set(message, RecurrenteConstants.API_VERSION, event.getApiVersion());
        set(message, RecurrenteConstants.ACCOUNT_ID, event.isConnected() ? event.getAccountId() : null);
        set(message, RecurrenteConstants.EVENT_TIMESTAMP, timestamp);
        set(message, RecurrenteConstants.CANONICAL, null);
        set(message, RecurrenteConstants.RAW_BODY, null);
    }

    private static void set(Message message, String name, String value) {
        if (value != null) {
            message.setHeader(name, value);
        } else if (message.hasHeaders()) {
            message.removeHeader(name);
        }
    }
}
