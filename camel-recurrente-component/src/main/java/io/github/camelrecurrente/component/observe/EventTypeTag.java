package io.github.camelrecurrente.component.observe;

import java.util.Set;

import io.github.camelrecurrente.component.model.event.RecurrenteEventTypes;

/**
 * The {@code event.type} tag: a documented event type as it is, anything else {@code other}, none {@code unknown}.
 * A tag value never comes unchecked from a request (an unverified sender could otherwise create any number of
 * meters).
 */
final class EventTypeTag {

    private static final Set<String> KNOWN = Set.copyOf(RecurrenteEventTypes.ALL);

    private EventTypeTag() {}

    static String of(String eventType) {
        if (eventType == null || eventType.isEmpty()) {
            return "unknown";
        }
        return KNOWN.contains(eventType) ? eventType : "other";
    }
}
