package io.github.camelrecurrente.sandbox.store;

/** What every stored resource keeps to be {@link Timestamped}: its id, creation time and insertion sequence. Internal. */
public abstract class StoredResource implements Timestamped {

    private final String id;
    private final long createdMicros;
    private final long seq;

    /**
     * @param id            resource id
     * @param createdMicros creation time, epoch microseconds
     * @param seq           insertion sequence
     */
    protected StoredResource(String id, long createdMicros, long seq) {
        this.id = id;
        this.createdMicros = createdMicros;
        this.seq = seq;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final long createdMicros() {
        return createdMicros;
    }

    @Override
    public final long seq() {
        return seq;
    }
}
