package io.github.camelrecurrente.examples.ledger;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration property in the bundle's one style, Camel's: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 8h},
 * {@code 7d}, combinations such as {@code 1m30s}, or plain digits for milliseconds. The same values work in endpoint
 * URIs ({@code timer:...?period={{...}}}), which Camel reads the same way. Plain JDK, so that every package (the
 * Camel-free ones too) reads durations by this one rule. The error names the property and the rule.
 */
public final class DurationProperty {

    private static final Pattern CAMEL_STYLE =
            Pattern.compile("(\\d+)|(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private DurationProperty() {}

    public static Duration parse(String property, String value) {
        String v = value == null ? "" : value.trim();
        Matcher m = CAMEL_STYLE.matcher(v);
        if (v.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException(property + " must be a duration such as 500ms, 30s, 5m, 8h or 7d (plain"
                    + " digits are milliseconds), got '" + v + "'");
        }
        if (m.group(1) != null) {
            return Duration.ofMillis(Long.parseLong(m.group(1)));
        }
        return Duration.ofDays(number(m.group(2)))
                .plusHours(number(m.group(3)))
                .plusMinutes(number(m.group(4)))
                .plusSeconds(number(m.group(5)))
                .plusMillis(number(m.group(6)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
