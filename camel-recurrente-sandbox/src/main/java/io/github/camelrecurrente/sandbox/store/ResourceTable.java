package io.github.camelrecurrente.sandbox.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * Resources of one type for one account, indexed by id and kept ordered newest first
 * (creation time, then insertion sequence). Internal.
 *
 * @param <T> resource type
 */
public final class ResourceTable<T extends Timestamped> {

    private record OrderKey(long createdMicros, long seq) {}

    private static final Comparator<OrderKey> NEWEST_FIRST = Comparator.comparingLong(OrderKey::createdMicros)
            .reversed()
            .thenComparing(Comparator.comparingLong(OrderKey::seq).reversed());

    private final ConcurrentHashMap<String, T> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<OrderKey, T> ordered = new ConcurrentSkipListMap<>(NEWEST_FIRST);

    /** Stores (or replaces) a resource. */
    public void put(T resource) {
        byId.put(resource.id(), resource);
        ordered.put(new OrderKey(resource.createdMicros(), resource.seq()), resource);
    }

    /** @return the resource or {@code null} */
    public T get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** Removes a resource. */
    public void remove(String id) {
        T r = byId.remove(id);
        if (r != null) {
            ordered.remove(new OrderKey(r.createdMicros(), r.seq()));
        }
    }

    /** @return number of resources */
    public int size() {
        return byId.size();
    }

    /** @return all resources, newest first (live view) */
    public Collection<T> newestFirst() {
        return ordered.values();
    }

    /** Drops everything. */
    public void clear() {
        byId.clear();
        ordered.clear();
    }

    /**
     * Returns one page of resources newest first.
     *
     * @param filter      extra filter, or {@code null}
     * @param fromMicros  inclusive lower creation bound, or {@code null}
     * @param untilMicros inclusive upper creation bound, or {@code null}
     * @param page        1-based page
     * @param items       page size
     */
    public Page<T> page(Predicate<T> filter, Long fromMicros, Long untilMicros, int page, int items) {
        NavigableMap<OrderKey, T> range = ordered;
        if (fromMicros != null || untilMicros != null) {
            OrderKey newest = new OrderKey(untilMicros == null ? Long.MAX_VALUE : untilMicros, Long.MAX_VALUE);
            OrderKey oldest = new OrderKey(fromMicros == null ? Long.MIN_VALUE : fromMicros, Long.MIN_VALUE);
            if (NEWEST_FIRST.compare(newest, oldest) > 0) {
                return new Page<>(List.of(), page, items, 0);
            }
            range = ordered.subMap(newest, true, oldest, true);
        }
        long skip = (long) (page - 1) * items;
        List<T> out = new ArrayList<>(Math.min(items, 100));
        long total;
        if (filter == null) {
            total = range == ordered ? byId.size() : range.size();
            if (skip < total) {
                long i = 0;
                for (T t : range.values()) {
                    if (i++ < skip) {
                        continue;
                    }
                    out.add(t);
                    if (out.size() == items) {
                        break;
                    }
                }
            }
        } else {
            total = 0;
            for (T t : range.values()) {
                if (!filter.test(t)) {
                    continue;
                }
                if (total >= skip && out.size() < items) {
                    out.add(t);
                }
                total++;
            }
        }
        return new Page<>(out, page, items, total);
    }
}
