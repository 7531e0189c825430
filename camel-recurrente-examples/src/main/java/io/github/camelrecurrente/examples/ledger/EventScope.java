package io.github.camelrecurrente.examples.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.event.AbstractPaymentEvent;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whose books an event belongs in (bean {@code eventScope}, asked first by {@code direct:recurrente-event}):
 * <ul>
 * <li>{@value #MODE_MISMATCH}: its {@code live_mode} (top level, else {@code checkout.live_mode}) disagrees with the
 * keys in use ({@code sk_live_...} live, {@code sk_test_...} test): a test event reaching live books, or the reverse.
 * Nothing is booked or invoiced; it is counted ({@link #modeMismatches()}, the meter
 * {@code examples_events_not_booked_total{reason="live_mode_mismatch"}}) and logged at WARN at most once a minute;</li>
 * <li>{@value #CONNECTED}: an event of a connected (child) account ({@code connected: true} or an {@code account_id}):
 * not the merchant's own revenue, booked apart ({@code ledger.connected-accounts}) and never invoiced;</li>
 * <li>{@value #BOOK}: the merchant's own (also when the event says nothing about its mode: our choice, the documented
 * examples carry no {@code live_mode}).</li>
 * </ul>
 */
public final class EventScope {

    public static final String BOOK = "BOOK";
    public static final String MODE_MISMATCH = "MODE_MISMATCH";
    public static final String CONNECTED = "CONNECTED";

    static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(EventScope.class);

    private final Boolean liveKeys;
    private final Clock clock;
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicLong sinceWarn = new AtomicLong();
    private final AtomicLong warnings = new AtomicLong();
    private final AtomicReference<Instant> lastWarn = new AtomicReference<>(Instant.EPOCH);

    /**
     * @param secretKey the secret key in use; only its prefix is kept ({@code sk_live_}: live, {@code sk_test_}:
     *                  test, anything else: unknown, every event is booked)
     */
    public EventScope(String secretKey) {
        this(modeOf(secretKey), Clock.systemUTC());
    }

    EventScope(Boolean liveKeys, Clock clock) {
        this.liveKeys = liveKeys;
        this.clock = clock;
    }

    /** @return true for live keys, false for test keys, null when the key's prefix says neither */
    static Boolean modeOf(String secretKey) {
        if (secretKey == null) {
            return null;
        }
        String k = secretKey.trim();
        return k.startsWith("sk_live_") ? Boolean.TRUE : k.startsWith("sk_test_") ? Boolean.FALSE : null;
    }

    /** @return {@value #BOOK}, {@value #MODE_MISMATCH} or {@value #CONNECTED} */
    public String scope(@Body RecurrenteEvent event) {
        Boolean eventLive = liveModeOf(event);
        if (liveKeys != null && eventLive != null && !liveKeys.equals(eventLive)) {
            mismatch(event, eventLive);
            return MODE_MISMATCH;
        }
        if (event.isConnected()
                || (event.getAccountId() != null && !event.getAccountId().isBlank())) {
            return CONNECTED;
        }
        return BOOK;
    }

    /** @return the events not booked because their mode disagreed with the keys, since the start */
    public long modeMismatches() {
        return mismatches.get();
    }

    /** @return the WARN lines written about them (at most one a minute) */
    public long warnings() {
        return warnings.get();
    }

    private static Boolean liveModeOf(RecurrenteEvent event) {
        if (event.getLiveMode() != null) {
            return event.getLiveMode();
        }
        Checkout checkout = event instanceof AbstractPaymentEvent p ? p.getCheckout() : null;
        return checkout == null ? null : checkout.getLiveMode();
    }

    private void mismatch(RecurrenteEvent event, boolean eventLive) {
        mismatches.incrementAndGet();
        long pending = sinceWarn.incrementAndGet();
        Instant now = clock.instant();
        Instant last = lastWarn.get();
        if (!now.isBefore(last.plus(WARN_EVERY)) && lastWarn.compareAndSet(last, now)) {
            sinceWarn.addAndGet(-pending);
            warnings.incrementAndGet();
            LOG.warn(
                    "Ledger: {} event(s) not booked: live_mode {} disagrees with the {} keys in use (last: {} {});"
                            + " nothing booked or invoiced ({} since start)",
                    pending,
                    eventLive,
                    liveKeys ? "live" : "test",
                    event.getEventType(),
                    event.getResourceId(),
                    mismatches.get());
        } else {
            LOG.debug(
                    "Ledger: {} {} not booked: live_mode {} disagrees with the keys in use",
                    event.getEventType(),
                    event.getResourceId(),
                    eventLive);
        }
    }
}
