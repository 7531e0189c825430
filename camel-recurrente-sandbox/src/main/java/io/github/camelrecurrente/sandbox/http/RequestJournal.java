package io.github.camelrecurrente.sandbox.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.github.camelrecurrente.sandbox.RecordedRequest;

/** Bounded journal of API requests, oldest dropped first. Capacity 0 disables it. */
public final class RequestJournal {

    private final int capacity;
    private final ArrayDeque<RecordedRequest> entries;

    /** @param capacity how many requests to keep (0 = disabled) */
    public RequestJournal(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("Journal capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** @return whether requests are recorded */
    public boolean enabled() {
        return capacity > 0;
    }

    /** Adds an entry (dropping the oldest when full). */
    public synchronized void add(RecordedRequest r) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(r);
    }

    /** @return all entries, oldest first */
    public synchronized List<RecordedRequest> all() {
        return new ArrayList<>(entries);
    }

    /** @return the newest entry or {@code null} */
    public synchronized RecordedRequest last() {
        return entries.peekLast();
    }

    /** Empties the journal. */
    public synchronized void clear() {
        entries.clear();
    }
}
