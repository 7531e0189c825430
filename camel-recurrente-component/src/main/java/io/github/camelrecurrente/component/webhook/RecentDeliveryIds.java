package io.github.camelrecurrente.component.webhook;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default de-duplication store of {@code recurrente:events}: the last {@code capacity} delivery ids seen by this
 * endpoint, in memory, without locks. A concurrent set holds the ids and a ring of slots remembers their order; adding
 * an id past the capacity forgets the oldest one (first in, first out: a webhook sender retries a delivery within
 * hours, so "seen recently" is what matters, not "looked up recently").
 * <p>
 * Why not Camel's {@code MemoryIdempotentRepository}: every call takes one repository-wide lock, and once full each
 * add evicts under the LRU cache's write lock, so concurrent deliveries queue behind each other. Measured with 8
 * threads on 2 cores, that halved the handler's throughput (about 100k vs 200k deliveries/s in isolation), and under
 * HTTP load the parked worker threads cost CPU in context switches. For several nodes use a shared repository
 * (JDBC, Infinispan, ...) through the {@code idempotentRepository} option instead.
 */
public final class RecentDeliveryIds extends ServiceSupport implements IdempotentRepository {

    private final int capacity;
    private final ConcurrentHashMap<String, Boolean> ids;
    private final AtomicReferenceArray<String> order;
    private final AtomicLong next = new AtomicLong();

    /**
     * @param capacity how many ids to remember (at least 1)
     */
    public RecentDeliveryIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.ids = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1);
        this.order = new AtomicReferenceArray<>(capacity);
    }

    /** How many ids this store remembers at most. */
    public int getCapacity() {
        return capacity;
    }

    /** How many ids it remembers now. */
    public int size() {
        return ids.size();
    }

    @Override
    public boolean add(String key) {
        if (ids.putIfAbsent(key, Boolean.TRUE) != null) {
            return false;
        }
        int slot = (int) (next.getAndIncrement() % capacity);
        String oldest = order.getAndSet(slot, key);
        if (oldest != null && !oldest.equals(key)) {
            ids.remove(oldest);
        }
        return true;
    }

    @Override
    public boolean contains(String key) {
        return ids.containsKey(key);
    }

    @Override
    public boolean remove(String key) {
        // its slot is left as it is: when the slot is reused it removes nothing, or the id if it was added again
        return ids.remove(key) != null;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        for (int i = 0; i < capacity; i++) {
            order.set(i, null);
        }
        ids.clear();
    }

    @Override
    public String toString() {
        return "RecentDeliveryIds[capacity=" + capacity + ", size=" + ids.size() + "]";
    }
}
