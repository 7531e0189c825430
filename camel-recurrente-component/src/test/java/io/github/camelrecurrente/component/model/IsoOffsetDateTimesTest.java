package io.github.camelrecurrente.component.model;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsoOffsetDateTimesTest {

    @Test
    void parsesTheShapesTheApiSends() {
        assertEquals(
                OffsetDateTime.of(2024, 3, 1, 3, 52, 12, 636_000_000, ZoneOffset.ofHours(-6)),
                IsoOffsetDateTimes.parse("2024-03-01T03:52:12.636-06:00"));
        assertEquals(
                OffsetDateTime.of(2024, 3, 1, 9, 52, 12, 982_000_000, ZoneOffset.UTC),
                IsoOffsetDateTimes.parse("2024-03-01T09:52:12.982Z"));
        assertEquals(
                OffsetDateTime.of(2024, 3, 1, 9, 52, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                IsoOffsetDateTimes.parse("2024-03-01T09:52+05:30"));
        assertEquals(
                OffsetDateTime.of(2024, 3, 1, 9, 52, 1, 123_456_789, ZoneOffset.UTC),
                IsoOffsetDateTimes.parse("2024-03-01T09:52:01.123456789Z"));
    }

    @Test
    void leavesEverythingElseToTheFormatters() {
        for (String s : List.of(
                "",
                "2024-03-01",
                "2024-03-01T10:00:00",
                "2024-03-01 10:00:00Z",
                "2024-02-30T10:00:00Z",
                "2024-03-01T24:00:00Z",
                "2024-03-01T10:60:00Z",
                "2024-03-01T10:00:00.Z",
                "2024-03-01T10:00:00.1234567890Z",
                "2024-03-01T10:00:00+19:00",
                "2024-03-01T10:00:00+0600",
                "2024-03-01T10:00:00-06:00[America/Guatemala]",
                "+12024-03-01T10:00:00Z",
                "2024-03-01t10:00:00z",
                "2024-3-01T10:00:00Z",
                "2024-03-01T10:00:00ZZ",
                "２０２４-03-01T10:00:00Z")) {
            assertNull(IsoOffsetDateTimes.parse(s), s);
        }
    }

    @Test
    void agreesWithTheIsoFormatterOnRandomInput() {
        Random random = new Random(42);
        String alphabet = "0123456789-:T.Z+ ";
        int parsedFast = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = i % 2 == 0 ? mutate(random, validSample(random), alphabet) : validSample(random);
            OffsetDateTime fast = IsoOffsetDateTimes.parse(s);
            OffsetDateTime reference = iso(s);
            if (fast != null) {
                parsedFast++;
                assertEquals(reference, fast, s);
            }
            assertEquals(
                    RecurrenteJson.LenientOffsetDateTimeDeserializer.parseWithFormatters(s),
                    RecurrenteJson.LenientOffsetDateTimeDeserializer.parse(s),
                    s);
        }
        assertTrue(parsedFast > 100_000, "the fast path took " + parsedFast + " of the samples");
    }

    @Test
    void everyValidSampleTakesTheFastPath() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            String s = validSample(random);
            assertNotNull(IsoOffsetDateTimes.parse(s), s);
        }
    }

    private static OffsetDateTime iso(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String validSample(Random r) {
        OffsetDateTime t = OffsetDateTime.of(
                1970 + r.nextInt(100),
                1 + r.nextInt(12),
                1 + r.nextInt(28),
                r.nextInt(24),
                r.nextInt(60),
                r.nextInt(60),
                0,
                ZoneOffset.ofTotalSeconds((r.nextInt(36) - 18) * 1800));
        StringBuilder b = new StringBuilder(t.toLocalDate().toString())
                .append('T')
                .append(String.format("%02d:%02d", t.getHour(), t.getMinute()));
        if (r.nextInt(4) > 0) {
            b.append(String.format(":%02d", t.getSecond()));
            if (r.nextBoolean()) {
                b.append('.');
                int digits = 1 + r.nextInt(9);
                for (int k = 0; k < digits; k++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
            }
        }
        b.append(
                t.getOffset().getTotalSeconds() == 0 && r.nextBoolean()
                        ? "Z"
                        : t.getOffset().getId().replace("Z", "+00:00"));
        return b.toString();
    }

    private static String mutate(Random r, String s, String alphabet) {
        int edits = 1 + r.nextInt(2);
        StringBuilder b = new StringBuilder(s);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                case 1 -> b.deleteCharAt(at);
                default -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
            }
        }
        return b.toString();
    }
}
