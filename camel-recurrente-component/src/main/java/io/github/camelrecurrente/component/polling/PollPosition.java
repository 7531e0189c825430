package io.github.camelrecurrente.component.polling;

import java.io.IOException;
import java.io.StringWriter;
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

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The position of a polling consumer: the high-water mark (the {@code created_at} of the newest item acknowledged)
 * plus the ids acknowledged at exactly that instant, and (status filter / status-change mode) a bounded table of
 * recent items with the status they were last seen with. For items without a timestamp (polled by identity) it
 * holds the bounded set of ids acknowledged ({@link SeenIds}) and whether the first poll (the baseline) is done.
 * <p>
 * Stored as one line of compact JSON (no newline, so it fits {@code FileStateRepository}):
 * {@code {"v":1,"mark":"2026-11-22T10:15:30.123Z","ids":["ch_1"],"watch":[["ch_2","unpaid","2026-..."]],
 * "baseline":true,"seen":["prod_1"],"seenStatus":["active"]}} ({@code seenStatus} only when statuses are tracked).
 * Holds ids, statuses and instants only: nothing secret. Not thread safe: used by the consumer's polling thread.
 */
final class PollPosition {

    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One remembered item: its last acknowledged status and its creation instant. */
    record Watched(String status, Instant createdAt) {}

    private Instant mark;
    private final Set<String> idsAtMark = new LinkedHashSet<>();
    private final Map<String, Watched> watch = new LinkedHashMap<>();
    private SeenIds seen;
    private boolean baselined;

    PollPosition(Instant mark) {
        this(mark, SeenIds.DEFAULT_CAPACITY);
    }

    PollPosition(Instant mark, int seenCapacity) {
        this.mark = mark;
        this.seen = new SeenIds(seenCapacity);
    }

    /** The ids acknowledged of items polled by identity (no timestamp). */
    SeenIds seen() {
        return seen;
    }

    /** True once a first poll has completed (the items listed then are the baseline of the identity polling). */
    boolean baselined() {
        return baselined;
    }

    void markBaselined() {
        this.baselined = true;
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
        // streamed: with 100 000 seen ids a tree would double the memory of a save
        StringWriter out = new StringWriter(128 + seen.size() * 24);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("mark", mark.toString());
            g.writeArrayFieldStart("ids");
            for (String id : idsAtMark) {
                g.writeString(id);
            }
            g.writeEndArray();
            if (!watch.isEmpty()) {
                g.writeArrayFieldStart("watch");
                for (Map.Entry<String, Watched> e : watch.entrySet()) {
                    g.writeStartArray();
                    g.writeString(e.getKey());
                    g.writeString(e.getValue().status());
                    g.writeString(e.getValue().createdAt().toString());
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeBooleanField("baseline", baselined);
            if (!seen.isEmpty()) {
                boolean statuses = false;
                g.writeArrayFieldStart("seen");
                for (Map.Entry<String, String> e : seen.entries()) {
                    g.writeString(e.getKey());
                    statuses |= e.getValue() != null;
                }
                g.writeEndArray();
                if (statuses) {
                    g.writeArrayFieldStart("seenStatus");
                    for (Map.Entry<String, String> e : seen.entries()) {
                        g.writeString(e.getValue());
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the polling position", e);
        }
        return out.toString();
    }

    /**
     * Reads a stored position.
     *
     * @throws IllegalArgumentException when the text is not a position written by {@link #toJson()}
     */
    static PollPosition fromJson(String json) {
        return fromJson(json, SeenIds.DEFAULT_CAPACITY);
    }

    /**
     * Reads a stored position, remembering at most {@code seenCapacity} seen ids (the most recently seen ones).
     *
     * @throws IllegalArgumentException when the text is not a position written by {@link #toJson()}
     */
    static PollPosition fromJson(String json, int seenCapacity) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject() || !root.hasNonNull("mark")) {
                throw new IllegalArgumentException("no mark");
            }
            int v = root.path("v").asInt(VERSION);
            if (v > VERSION) {
                throw new IllegalArgumentException("written by a newer version (v" + v + ")");
            }
            PollPosition p = new PollPosition(Instant.parse(root.get("mark").asText()), seenCapacity);
            for (Iterator<JsonNode> it = root.path("ids").elements(); it.hasNext(); ) {
                p.idsAtMark.add(it.next().asText());
            }
            for (Iterator<JsonNode> it = root.path("watch").elements(); it.hasNext(); ) {
                JsonNode row = it.next();
                JsonNode status = row.get(1);
                p.watch.put(
                        row.get(0).asText(),
                        new Watched(
                                status == null || status.isNull() ? null : status.asText(),
                                Instant.parse(row.get(2).asText())));
            }
            // absent in positions written before identity polling: their first poll takes the baseline again
            p.baselined = root.path("baseline").asBoolean(false);
            JsonNode seenIds = root.path("seen");
            JsonNode seenStatus = root.path("seenStatus");
            for (int i = 0; i < seenIds.size(); i++) {
                JsonNode status = seenStatus.get(i);
                p.seen.put(seenIds.get(i).asText(), status == null || status.isNull() ? null : status.asText());
            }
            return p;
        } catch (JsonProcessingException | DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Not a polling position: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PollPosition[mark=" + mark + ", idsAtMark=" + idsAtMark.size() + ", watched=" + watch.size() + ", seen="
                + seen.size() + (baselined ? "" : ", before baseline") + "]";
    }
}
