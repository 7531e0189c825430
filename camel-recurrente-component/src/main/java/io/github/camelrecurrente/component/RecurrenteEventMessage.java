package io.github.camelrecurrente.component;

import java.util.Map;
import java.util.NavigableMap;

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
        boolean clear = mayHoldEventHeaders(message);
        message.setBody(event);
        message.setHeader(RecurrenteConstants.EVENT_TYPE, event.getEventType());
        set(message, RecurrenteConstants.EVENT_ID, deliveryId, clear);
        String resourceId = event.getResourceId();
        set(message, RecurrenteConstants.RESOURCE_ID, resourceId, clear);
        set(message, RecurrenteConstants.ID, resourceId, clear);
        set(message, RecurrenteConstants.PAYMENT_INTENT_ID, PaymentIntentIds.of(event), clear);
        set(message, RecurrenteConstants.API_VERSION, event.getApiVersion(), clear);
        set(message, RecurrenteConstants.ACCOUNT_ID, event.isConnected() ? event.getAccountId() : null, clear);
        set(message, RecurrenteConstants.EVENT_TIMESTAMP, timestamp, clear);
        if (clear) {
            message.removeHeader(RecurrenteConstants.CANONICAL);
            message.removeHeader(RecurrenteConstants.RAW_BODY);
        }
    }

    /** The prefix every header this class sets or clears starts with. */
    private static final String PREFIX = "CamelRecurrente";

    /**
     * Whether the message may carry a header this class sets or clears (only then must absent values be removed). Camel
     * keeps headers in a case-insensitive sorted map: one look-up for the first name at or after the prefix answers it,
     * where removing each absent header costs one look-up apiece. A message fresh from the HTTP consumer (whose header
     * filter keeps {@code Camel*} names out) never does, which is the webhook's hot path.
     */
    private static boolean mayHoldEventHeaders(Message message) {
        if (!message.hasHeaders()) {
            return false;
        }
        Map<String, Object> headers = message.getHeaders();
        if (headers instanceof NavigableMap<String, Object> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
            String next = sorted.ceilingKey(PREFIX);
            return next != null && next.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
        }
        return true;
    }

    private static void set(Message message, String name, String value, boolean clear) {
        if (value != null) {
            message.setHeader(name, value);
        } else if (clear) {
            message.removeHeader(name);
        }
    }
}
