package io.github.camelrecurrente.sandbox.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** ISO-8601 timestamp helpers; the sandbox renders UTC instants with millisecond precision. Internal. */
public final class Times {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    /** Formats an instant like {@code 2024-02-16T03:01:13.260Z}. */
    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /** Formats epoch microseconds. */
    public static String formatMicros(long micros) {
        return format(ofMicros(micros));
    }

    /** @return the instant as epoch microseconds */
    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** @return the instant for epoch microseconds */
    public static Instant ofMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /**
     * Parses ISO-8601 as sent by clients: an instant ({@code ...Z}), a date-time with offset, or a date.
     *
     * @throws IllegalArgumentException when the text is not ISO-8601
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time");
                }
            }
        }
    }
}
