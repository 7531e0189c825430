package io.github.camelrecurrente.sandbox.store;

/** A stored resource with an id and a creation time, orderable newest first. Internal. */
public interface Timestamped {

    /** @return the resource id */
    String id();

    /** @return creation time as epoch microseconds */
    long createdMicros();

    /** @return insertion sequence, breaks ties between equal creation times */
    long seq();
}
