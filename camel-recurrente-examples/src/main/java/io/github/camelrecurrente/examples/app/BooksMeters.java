package io.github.camelrecurrente.examples.app;

import java.util.Set;

import io.github.camelrecurrente.examples.ledger.EventScope;
import io.github.camelrecurrente.examples.review.ReviewQueue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of the books (issue 21), registered once Camel has started on the registry camel-micrometer binds
 * ({@code metricsRegistry}, else the only {@link MeterRegistry}; none: no meters), as the component finds it:
 * <ul>
 * <li>{@value #REVIEW_OPEN} (gauge): the open review cases, read from {@code review_cases} at each scrape;</li>
 * <li>{@value #NOT_BOOKED} (counter, tag {@code reason="live_mode_mismatch"}): events not booked because their
 * {@code live_mode} disagreed with the keys in use.</li>
 * </ul>
 * Prometheus names: {@code examples_review_cases_open}, {@code examples_events_not_booked_total}.
 */
final class BooksMeters implements StartupListener {

    static final String REVIEW_OPEN = "examples.review.cases.open";
    static final String NOT_BOOKED = "examples.events.not.booked";

    private static final Logger LOG = LoggerFactory.getLogger(BooksMeters.class);

    private final ReviewQueue reviewQueue;
    private final EventScope scope;

    BooksMeters(ReviewQueue reviewQueue, EventScope scope) {
        this.reviewQueue = reviewQueue;
        this.scope = scope;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // registered once the context has fully started (below): camel-micrometer binds its registry while starting
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            registry = all.size() == 1 ? all.iterator().next() : null;
        }
        if (registry == null) {
            LOG.debug("No MeterRegistry bound: no meters for the review queue");
            return;
        }
        Gauge.builder(REVIEW_OPEN, reviewQueue, BooksMeters::openCases)
                .description("Review cases not yet posted or dismissed (nothing of them is booked or invoiced)")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(NOT_BOOKED, scope, EventScope::modeMismatches)
                .description("Events not booked because their live_mode disagreed with the keys in use")
                .tag("reason", "live_mode_mismatch")
                .register(registry);
    }

    private static double openCases(ReviewQueue queue) {
        try {
            return queue.openCount();
        } catch (RuntimeException e) {
            LOG.debug("Review queue gauge: {}", e.getMessage());
            return Double.NaN;
        }
    }
}
