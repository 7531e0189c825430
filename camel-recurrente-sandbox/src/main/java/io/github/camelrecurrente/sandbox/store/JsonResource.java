package io.github.camelrecurrente.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A resource whose state is kept as the JSON object the API returns. Internal. */
public final class JsonResource extends StoredResource {

    private final ObjectNode node;

    /**
     * @param id            resource id
     * @param createdMicros creation time, epoch microseconds
     * @param seq           insertion sequence
     * @param node          the stored JSON state (mutated in place by updates)
     */
    public JsonResource(String id, long createdMicros, long seq, ObjectNode node) {
        super(id, createdMicros, seq);
        this.node = node;
    }

    /** @return the live JSON state */
    public ObjectNode node() {
        return node;
    }

    @Override
    public String toString() {
        return "JsonResource[" + id() + "]";
    }
}
