package io.github.camelrecurrente.examples.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads a duration property in the bundle's one style, ISO-8601 ({@code PT2S}, {@code PT5M}), naming it on error. */
public final class DurationProperty {

    private DurationProperty() {}

    public static Duration parse(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is empty: give an ISO-8601 duration such as PT2S or PT5M");
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    property + " must be an ISO-8601 duration such as PT2S or PT5M, got '" + value.trim() + "'");
        }
    }
}
