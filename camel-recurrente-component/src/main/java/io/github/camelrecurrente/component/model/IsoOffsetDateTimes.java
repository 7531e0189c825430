package io.github.camelrecurrente.component.model;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the date-time shape the Recurrente API and its webhooks actually send,
 * {@code yyyy-MM-ddTHH:mm[:ss[.f…]](Z|±HH:mm)} (e.g. {@code 2024-03-01T03:52:12.636-06:00}), parsed by hand instead of
 * through {@link java.time.format.DateTimeFormatter}, which allocates a parse context and resolves field maps for every
 * value: that was about a fifth of the webhook consumer's time per delivery. Anything else (other shapes, out-of-range
 * values) returns {@code null} so the caller falls back to the formatters; for every input it accepts, the result
 * equals {@code OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)}.
 */
final class IsoOffsetDateTimes {

    private IsoOffsetDateTimes() {}

    /**
     * @return the parsed value, or {@code null} when {@code text} is not in the fast shape or not a valid date-time
     */
    static OffsetDateTime parse(String text) {
        int n = text.length();
        // shortest: yyyy-MM-ddTHH:mmZ (17 chars)
        if (n < 17
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nano = 0;
        if (i < n && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            if (second < 0) {
                return null;
            }
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                int count = i - start;
                if (count == 0 || count > 9) {
                    return null;
                }
                nano = digits(text, start, count);
                for (int k = count; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset = offset(text, i, n);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code Z} or {@code ±HH:mm} up to the end of the text; null otherwise. */
    private static ZoneOffset offset(String text, int i, int n) {
        if (i == n - 1 && text.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (i != n - 6 || text.charAt(i + 3) != ':') {
            return null;
        }
        char sign = text.charAt(i);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int hours = digits(text, i + 1, 2);
        int minutes = digits(text, i + 4, 2);
        if ((hours | minutes) < 0 || minutes > 59) {
            return null;
        }
        try {
            return sign == '+'
                    ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number in {@code text[from, from+count)}, or -1 when it is out of bounds or not all digits. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = text.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
