package io.github.camelrecurrente.examples.invoicing.fel;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Emission times in Guatemala's time ({@code America/Guatemala}, -06:00), and SAT's rule on them: the emission may
 * precede the certification by at most 5 days and may not fall after the certification's month (SAT rules §2.2.1).
 */
public final class EmissionTime {

    /** Guatemala's zone. */
    public static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala");

    /** SAT's limit between emission and certification. */
    public static final Duration SAT_MAXIMUM_AGE = Duration.ofDays(5);

    /** Our margin: a payment older than this is invoiced at the time of the first attempt instead. */
    public static final Duration PAYMENT_DATE_KEPT_UP_TO = Duration.ofDays(4);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private EmissionTime() {}

    /**
     * The emission time of a payment's invoice: the payment's time while it is less than 4 days old (a day of margin
     * under SAT's 5 for retries and the operator), else {@code now}. Our choice: the invoice carries the sale's date
     * when it can. The bundle keeps the value it chose with the payment so that every retry sends the same one (the
     * look-up by identificador is by emission day).
     */
    public static Instant forPayment(Instant paidAt, Instant now) {
        if (paidAt == null
                || paidAt.isAfter(now)
                || Duration.between(paidAt, now).compareTo(PAYMENT_DATE_KEPT_UP_TO) > 0) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        return paidAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return the time in Guatemala, to the second */
    public static OffsetDateTime inGuatemala(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(GUATEMALA).toOffsetDateTime();
    }

    /** @return the same instant in Guatemala's offset, to the second */
    public static OffsetDateTime inGuatemala(OffsetDateTime time) {
        return inGuatemala(time.toInstant());
    }

    /** @return as the documents write it, e.g. {@code 2025-06-01T10:15:00-06:00} */
    public static String format(OffsetDateTime time) {
        return DATE_TIME.format(time);
    }
}
