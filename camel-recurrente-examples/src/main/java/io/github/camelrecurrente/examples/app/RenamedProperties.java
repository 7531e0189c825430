package io.github.camelrecurrente.examples.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Properties the bundle renamed when it took one naming scheme (a prefix per concern, kebab-case, Camel's durations).
 * A deployment that still sets an old name would silently run on the default; instead the app refuses to start and
 * names the new property.
 */
final class RenamedProperties {

    /** Old name to its replacement (and the value style, where it changed). */
    static final Map<String, String> RENAMED = new LinkedHashMap<>();

    static {
        for (String p : List.of("lease", "batch-size", "burst-batch-size", "poll-delay", "retry-delays")) {
            RENAMED.put("recurrente.webhook.inbox." + p, "inbox." + p);
        }
        for (String p : List.of("enabled", "initial-delay", "period")) {
            RENAMED.put("recurrente.webhook.inbox-pruning." + p, "inbox.pruning." + p);
        }
        RENAMED.put("recurrente.webhook.inbox-retention-hours", "inbox.retention (a duration such as 7d)");
    }

    private RenamedProperties() {}

    /** @throws IllegalArgumentException naming every old property that is set, with its new name */
    static void refuseOldNames(Settings settings) {
        List<String> found = new ArrayList<>();
        RENAMED.forEach((old, replacement) -> {
            if (settings.get(old) != null) {
                found.add(old + " is now " + replacement);
            }
        });
        if (!found.isEmpty()) {
            throw new IllegalArgumentException("Renamed properties are set: " + String.join("; ", found)
                    + ". Set the new names (docs/deployment.md lists every property).");
        }
    }
}
