package io.github.camelrecurrente.component.polling;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The position of a polling consumer: the high-water mark (the {@code created_at} of the newest item acknowledged)
 * plus the ids acknowledged at exactly that instant, and (status filter / status-change mode) a bounded table of
 * recent items with the status they were last seen with.
 * <p>
 * Stored as one line of compact JSON (no newline, so it fits {@code FileStateRepository}):
 * {@code {"v":1,"mark":"2026-11-22T10:15:30.123Z","ids":["ch_1"],"watch":[["ch_2","unpaid","2026-..."]]}}. Holds
 * ids, statuses and instants only: nothing secret. Not thread safe: used by the consumer's polling thread.
 */
final class PollPosition {

    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One remembered item: its last acknowledged status and its creation instant. */
    record Watched(String status, Instant createdAt) {
    }

    private Instant mark;
    private final Set<String> idsAtMark = new LinkedHashSet<>();
    private final Map<String, Watched> watch = new LinkedHashMap<>();

    PollPosition(Instant mark) {
        this.mark = mark;
    }

    Instant mark() {
        return mark;
    }

    Set<String> idsAtMark() {
        return idsAtMark;
    }

    Map<String, Watched> watch() {
        return watch;
    }

    /** True when the item is after the mark, or at the mark and not yet acknowledged. */
    boolean isNew(Instant createdAt, String id) {
        int c = createdAt.compareTo(mark);
        return c > 0 || c == 0 && !idsAtMark.contains(id);
    }

    /** Moves the mark to a newly acknowledged item (never backwards). */
    void advance(Instant createdAt, String id) {
        int c = createdAt.compareTo(mark);
        if (c > 0) {
            mark = createdAt;
            idsAtMark.clear();
            idsAtMark.add(id);
        } else if (c == 0) {
            idsAtMark.add(id);
        }
    }

    /** The oldest instant a poll must scan back to: the mark, or an older watched item. */
    Instant scanFloor() {
        Instant floor = mark;
        for (Watched w : watch.values()) {
            if (w.createdAt().isBefore(floor)) {
                floor = w.createdAt();
            }
        }
        return floor;
    }

    void watch(String id, String status, Instant createdAt) {
        watch.put(id, new Watched(status, createdAt));
    }

    void unwatch(String id) {
        watch.remove(id);
    }

    /** Forgets watched items not in {@code keep}; returns how many were forgotten. */
    int retainWatched(Collection<String> keep) {
        int before = watch.size();
        watch.keySet().retainAll(keep);
        return before - watch.size();
    }

    /** Keeps at most {@code max} watched items, dropping the oldest by creation instant. */
    int trimWatch(int max) {
        int excess = watch.size() - max;
        if (excess <= 0) {
            return 0;
        }
        List<Map.Entry<String, Watched>> entries = new ArrayList<>(watch.entrySet());
        entries.sort(Comparator.comparing(e -> e.getValue().createdAt()));
        for (int i = 0; i < excess; i++) {
            watch.remove(entries.get(i).getKey());
        }
        return excess;
    }

    // ---------------------------------------------------------------- serialisation

    String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", VERSION);
        root.put("mark", mark.toString());
        ArrayNode ids = root.putArray("ids");
        idsAtMark.forEach(ids::add);
        if (!watch.isEmpty()) {
            ArrayNode w = root.putArray("watch");
            for (Map.Entry<String, Watched> e : watch.entrySet()) {
                ArrayNode row = w.addArray();
                row.add(e.getKey());
                row.add(e.getValue().status());
                row.add(e.getValue().createdAt().toString());
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the polling position", e);
        }
    }

    /**
     * Reads a stored position.
     *
     * @throws IllegalArgumentException when the text is not a position written by {@link #toJson()}
     */
    static PollPosition fromJson(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject() || !root.hasNonNull("mark")) {
                throw new IllegalArgumentException("no mark");
            }
            int v = root.path("v").asInt(VERSION);
            if (v > VERSION) {
                throw new IllegalArgumentException("written by a newer version (v" + v + ")");
            }
            PollPosition p = new PollPosition(Instant.parse(root.get("mark").asText()));
            for (Iterator<JsonNode> it = root.path("ids").elements(); it.hasNext();) {
                p.idsAtMark.add(it.next().asText());
            }
            for (Iterator<JsonNode> it = root.path("watch").elements(); it.hasNext();) {
                JsonNode row = it.next();
                JsonNode status = row.get(1);
                p.watch.put(row.get(0).asText(), new Watched(status == null || status.isNull() ? null : status.asText(),
                        Instant.parse(row.get(2).asText())));
            }
            return p;
        } catch (JsonProcessingException | DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Not a polling position: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PollPosition[mark=" + mark + ", idsAtMark=" + idsAtMark.size() + ", watched=" + watch.size() + "]";
    }
}
