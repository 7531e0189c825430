package io.github.camelrecurrente.component.webhook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTypeFilterTest {

    @Test
    void emptyAcceptsAll() {
        assertTrue(EventTypeFilter.parse(null).matches("payment_intent.succeeded"));
        assertTrue(EventTypeFilter.parse(" ").acceptsAll());
        assertTrue(EventTypeFilter.parse("*").matches("anything"));
    }

    @Test
    void exactAndWildcards() {
        EventTypeFilter f = EventTypeFilter.parse("payment_intent.*, subscription.cancel,*.paid");
        assertTrue(f.matches("payment_intent.succeeded"));
        assertTrue(f.matches("payment_intent.failed"));
        assertTrue(f.matches("subscription.cancel"));
        assertTrue(f.matches("intent.paid"));
        assertFalse(f.matches("subscription.create"));
        assertFalse(f.matches("intent.succeeded"));
        assertFalse(f.matches("bank_transfer_intent.succeeded"));
        assertFalse(f.matches(null));
    }

    @Test
    void unifiedFamilyDoesNotMatchLegacyIntents() {
        EventTypeFilter f = EventTypeFilter.parse("intent.*");
        assertTrue(f.matches("intent.succeeded"));
        assertFalse(f.matches("payment_intent.succeeded"));
        assertFalse(f.matches("setup_intent.succeeded"));
    }

    @Test
    void regexCharactersAreLiteral() {
        EventTypeFilter f = EventTypeFilter.parse("a.b");
        assertFalse(f.matches("axb"));
        assertTrue(f.matches("a.b"));
    }
}
