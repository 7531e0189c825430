package io.github.camelrecurrente.component.polling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bounded set of ids a polling consumer has acknowledged for items it cannot order by time (products, coupons
 * and customers carry no {@code created_at} in the API's documentation), each with the status it was last
 * acknowledged with (null when statuses are not tracked).
 * <p>
 * Access ordered: an id seen again by a poll moves to the young end, so when more than {@code capacity} ids are
 * remembered the one not listed for the longest time (a deleted or archived item, in practice) is forgotten first.
 * Holds ids and statuses only: nothing secret. Not thread safe: used by the consumer's polling thread.
 */
final class SeenIds {

    /** The default capacity: 100 000 ids take about 2.5 MB stored (3.5 MB with statuses). */
    static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Map<String, String> ids;
    private long evicted;

    SeenIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                if (size() > SeenIds.this.capacity) {
                    evicted++;
                    return true;
                }
                return false;
            }
        };
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return ids.size();
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    /** True when the id was acknowledged; marks it as recently seen. */
    boolean contains(String id) {
        return ids.get(id) != null || ids.containsKey(id);
    }

    /** The status the id was last acknowledged with (null when unknown or not tracked); marks it as recently seen. */
    String status(String id) {
        return ids.get(id);
    }

    /**
     * Remembers an acknowledged id (with its status, or null), as the most recently seen; the least recently seen id
     * is forgotten when the capacity is exceeded.
     *
     * @return true when this changed what is stored
     */
    boolean put(String id, String status) {
        boolean known = ids.containsKey(id);
        String before = ids.put(id, status);
        return !known || !Objects.equals(before, status);
    }

    /** How many ids were forgotten because the capacity was exceeded, since this set was created. */
    long evicted() {
        return evicted;
    }

    /** The ids from the least to the most recently seen, with their statuses (the stored order). */
    Iterable<Map.Entry<String, String>> entries() {
        return ids.entrySet();
    }

    @Override
    public String toString() {
        return "SeenIds[" + ids.size() + "/" + capacity + "]";
    }
}
