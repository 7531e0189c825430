package io.github.camelrecurrente.component.model.event;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Lets a mapper read the abstract {@link RecurrenteEvent} type directly (e.g. a Camel JSON data format with
 * {@code unmarshalType=RecurrenteEvent}): the subclass is chosen like {@link RecurrenteEvents#typeFor(String)}.
 * Prefer {@link RecurrenteEvents#parse(byte[])}, which also gives short error messages.
 */
public class RecurrenteEventDeserializer extends StdDeserializer<RecurrenteEvent> {

    private static final long serialVersionUID = 1L;

    public RecurrenteEventDeserializer() {
        super(RecurrenteEvent.class);
    }

    @Override
    public RecurrenteEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (node == null || !node.isObject()) {
            return (RecurrenteEvent) ctxt.reportInputMismatch(
                    RecurrenteEvent.class, "not a JSON object: a Recurrente event must be a JSON object");
        }
        String eventType = RecurrenteEvents.eventTypeOf(node);
        if (eventType == null) {
            return (RecurrenteEvent)
                    ctxt.reportInputMismatch(RecurrenteEvent.class, "not a Recurrente event: no event_type/type field");
        }
        return ctxt.readTreeAsValue(node, RecurrenteEvents.typeFor(eventType));
    }
}
