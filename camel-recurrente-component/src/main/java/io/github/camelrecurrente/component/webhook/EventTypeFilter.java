package io.github.camelrecurrente.component.webhook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code eventTypes} option: a comma separated list of event types where {@code *} matches any run of characters
 * (e.g. {@code intent.*}, {@code payment_intent.*,subscription.cancel}, {@code *.succeeded}). Empty means every type.
 * Matching is case-sensitive, as Recurrente's event types are lower case.
 */
public final class EventTypeFilter {

    private static final EventTypeFilter ALL = new EventTypeFilter(Set.of(), List.of(), true, "*");

    private final Set<String> exact;
    private final List<Pattern> patterns;
    private final boolean all;
    private final String text;

    private EventTypeFilter(Set<String> exact, List<Pattern> patterns, boolean all, String text) {
        this.exact = exact;
        this.patterns = patterns;
        this.all = all;
        this.text = text;
    }

    /** Parses the option value; {@code null} or blank accepts everything. */
    public static EventTypeFilter parse(String eventTypes) {
        if (eventTypes == null || eventTypes.isBlank()) {
            return ALL;
        }
        Set<String> exact = new HashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        boolean all = false;
        for (String raw : eventTypes.split(",")) {
            String t = raw.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.chars().allMatch(c -> c == '*')) {
                all = true;
            } else if (t.indexOf('*') < 0) {
                exact.add(t);
            } else {
                patterns.add(toPattern(t));
            }
        }
        if (all || exact.isEmpty() && patterns.isEmpty()) {
            return ALL;
        }
        return new EventTypeFilter(Set.copyOf(exact), List.copyOf(patterns), false, eventTypes.trim());
    }

    private static Pattern toPattern(String glob) {
        StringBuilder sb = new StringBuilder();
        int start = 0;
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) == '*') {
                if (i > start) {
                    sb.append(Pattern.quote(glob.substring(start, i)));
                }
                sb.append(".*");
                start = i + 1;
            }
        }
        if (start < glob.length()) {
            sb.append(Pattern.quote(glob.substring(start)));
        }
        return Pattern.compile(sb.toString());
    }

    /** True when every event type is accepted. */
    public boolean acceptsAll() {
        return all;
    }

    /** True when the event type is in the list (a {@code null} type only passes an empty list). */
    public boolean matches(String eventType) {
        if (all) {
            return true;
        }
        if (eventType == null) {
            return false;
        }
        if (exact.contains(eventType)) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matcher(eventType).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "EventTypeFilter[" + text + "]";
    }
}
