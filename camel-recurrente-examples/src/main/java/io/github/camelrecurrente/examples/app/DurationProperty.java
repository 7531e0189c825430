package io.github.camelrecurrente.examples.app;

import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.camel.util.TimeUtils;

/**
 * Reads a duration property in the bundle's one style, Camel's: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 8h},
 * {@code 7d}, combinations such as {@code 1m30s}, or plain digits for milliseconds. The same values work in endpoint
 * URIs ({@code timer:...?period={{...}}}) and in Java. The error names the property and the rule.
 */
public final class DurationProperty {

    private static final Pattern CAMEL_STYLE = Pattern.compile("\\d+|(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");

    private DurationProperty() {}

    public static Duration parse(String property, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || !CAMEL_STYLE.matcher(v).matches()) {
            throw new IllegalArgumentException(property + " must be a duration such as 500ms, 30s, 5m, 8h or 7d (plain"
                    + " digits are milliseconds), got '" + v + "'");
        }
        return TimeUtils.toDuration(v);
    }
}
