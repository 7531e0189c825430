package io.github.camelrecurrente.component.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.RecurrenteEventMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.HeadersMapFactory;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.component.webhook.WebhookTestSupport.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two shortcuts of the webhook's hot path (issue #24) decide exactly what the slow paths did:
 * {@link RecurrenteEventMessage#populate} skips the removal of absent headers only when the message holds no
 * {@code CamelRecurrente*} header in any case, and the answer's clean-up ({@link RecurrenteWebhookHandler#isHeavyForTheAnswer})
 * tests values before names.
 */
class EventHeadersFastPathTest {

    private CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void staleEventHeadersInAnyCaseAreRemovedAmongOtherHeaders() {
        Message message = new DefaultMessage(context);
        message.setHeader("Accept", "*/*");
        message.setHeader("camelrecurrenteaccountid", "ac_previous"); // a previous connected event, other case
        message.setHeader("CAMELRECURRENTECANONICAL", "the previous delivery's object");
        message.setHeader("camelRecurrenteRawBody", new byte[] {'{', '}'});
        message.setHeader("Zulu", "kept");
        RecurrenteEventMessage.populate(message, resource("payment_intent.succeeded.postman-docs.json"), "msg_2", "1");
        assertNull(message.getHeader(RecurrenteConstants.ACCOUNT_ID), "not the previous event's account");
        assertNull(message.getHeader(RecurrenteConstants.CANONICAL));
        assertNull(message.getHeader(RecurrenteConstants.RAW_BODY));
        assertEquals("*/*", message.getHeader("Accept"));
        assertEquals("kept", message.getHeader("Zulu"));
        assertEquals("pa_id123", message.getHeader(RecurrenteConstants.PAYMENT_INTENT_ID));
    }

    @Test
    void onlyAnEarlierNameSortingBeforeThePrefixDoesNotHideAStaleHeader() {
        Message message = new DefaultMessage(context);
        message.setHeader("CamelHttpMethod", "POST"); // sorts before "CamelRecurrente"
        message.setHeader("CamelRecurrenteEventTimestamp", "1700000000");
        message.setHeader("CamelSplitIndex", 3); // sorts after every CamelRecurrente* name
        RecurrenteEventMessage.populate(message, resource("payment_intent.succeeded.postman-docs.json"), null, null);
        assertNull(message.getHeader(RecurrenteConstants.EVENT_TIMESTAMP), "not the previous delivery's timestamp");
        assertEquals("POST", message.getHeader("CamelHttpMethod"));
        assertEquals(3, message.getHeader("CamelSplitIndex"));
    }

    @Test
    void aHeadersMapThatIsNotCamelsSortedOneIsAlwaysCleared() {
        context.getCamelContextExtension().setHeadersMapFactory(new PlainMapFactory());
        Message message = new DefaultMessage(context);
        message.setHeader("Accept", "*/*");
        message.setHeader(RecurrenteConstants.ACCOUNT_ID, "ac_previous");
        assertFalse(message.getHeaders() instanceof java.util.NavigableMap<?, ?>);
        RecurrenteEventMessage.populate(message, resource("payment_intent.succeeded.postman-docs.json"), "msg_2", "1");
        assertFalse(message.getHeaders().containsKey(RecurrenteConstants.ACCOUNT_ID));
        assertEquals("msg_2", message.getHeader(RecurrenteConstants.EVENT_ID));
    }

    @Test
    void theAnswersCleanUpDecidesByValueThenByName() {
        assertTrue(RecurrenteWebhookHandler.isHeavyForTheAnswer(RecurrenteConstants.RAW_BODY, new byte[2]));
        assertTrue(RecurrenteWebhookHandler.isHeavyForTheAnswer(RecurrenteConstants.CANONICAL, new Object()));
        assertTrue(RecurrenteWebhookHandler.isHeavyForTheAnswer("camelrecurrentecanonical", new Object()));
        assertTrue(RecurrenteWebhookHandler.isHeavyForTheAnswer("SVIX-Signature", "v1,abc"));
        assertTrue(RecurrenteWebhookHandler.isHeavyForTheAnswer("webhook-signature", new StringBuilder("v1,abc")));
        assertTrue(RecurrenteWebhookHandler.isHeavyForTheAnswer("X-Note", "x".repeat(257)));
        assertTrue(RecurrenteWebhookHandler.isHeavyForTheAnswer("X-List", java.util.List.of("a")));
        assertTrue(RecurrenteWebhookHandler.isHeavyForTheAnswer("X-Map", Map.of("a", 1)));
        assertFalse(RecurrenteWebhookHandler.isHeavyForTheAnswer("svix-timestamp", "1700000000"));
        assertFalse(RecurrenteWebhookHandler.isHeavyForTheAnswer("Content-Length", "1009"));
        assertFalse(RecurrenteWebhookHandler.isHeavyForTheAnswer("X-Note", "x".repeat(256)));
        assertFalse(RecurrenteWebhookHandler.isHeavyForTheAnswer(
                RecurrenteConstants.EVENT_TYPE, "payment_intent.succeeded"));
        assertFalse(RecurrenteWebhookHandler.isHeavyForTheAnswer("CamelHttpResponseCode", 200));
        assertFalse(RecurrenteWebhookHandler.isHeavyForTheAnswer("Flag", Boolean.TRUE));
        assertFalse(RecurrenteWebhookHandler.isHeavyForTheAnswer(RecurrenteConstants.RAW_BODY, null));
        assertFalse(RecurrenteWebhookHandler.isHeavyForTheAnswer("Address", new Object()));
    }

    /** Headers in an insertion-ordered, case-sensitive map (as a custom {@link HeadersMapFactory} may give). */
    private static final class PlainMapFactory implements HeadersMapFactory {
        @Override
        public Map<String, Object> newMap() {
            return new LinkedHashMap<>();
        }

        @Override
        public Map<String, Object> newMap(Map<String, Object> map) {
            return new LinkedHashMap<>(map);
        }

        @Override
        public boolean isInstanceOf(Map<String, Object> map) {
            return map instanceof LinkedHashMap<?, ?>;
        }

        @Override
        public boolean isCaseInsensitive() {
            return false;
        }
    }
}
