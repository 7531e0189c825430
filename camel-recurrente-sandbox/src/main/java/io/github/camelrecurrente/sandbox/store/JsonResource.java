package io.github.camelrecurrente.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A resource whose state is kept as the JSON object the API returns. Internal. Its {@code equals} and
 * {@code hashCode} follow the live state: compare resources by {@link #id()}.
 *
 * @param id            resource id
 * @param createdMicros creation time, epoch microseconds
 * @param seq           insertion sequence
 * @param node          the live JSON state (mutated in place by updates)
 */
public record JsonResource(String id, long createdMicros, long seq, ObjectNode node) implements Timestamped {

    @Override
    public String toString() {
        return "JsonResource[" + id + "]";
    }
}
