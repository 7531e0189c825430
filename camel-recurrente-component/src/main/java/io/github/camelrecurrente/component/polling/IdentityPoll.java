package io.github.camelrecurrente.component.polling;

import java.util.Objects;
import java.util.function.Predicate;

import io.github.camelrecurrente.component.polling.RecurrentePollingConsumer.PollEvent;

/**
 * Decides what an item without a usable timestamp means for a polling consumer, from the position's set of seen
 * ids ({@link SeenIds}) rather than from a high-water mark:
 * <ul>
 * <li>an id not seen before is new; it is emitted when its status matches, except on the first poll (the baseline,
 * {@link PollPosition#baselined()} false), where only items created at or after the start position (when they
 * carry a timestamp after all) are emitted, or every item with {@code emitExistingItems};</li>
 * <li>with a status filter or status-change mode, a seen id whose status differs from the stored one is a status
 * change, emitted as for the items polled by time.</li>
 * </ul>
 */
final class IdentityPoll {

    private final Predicate<String> matches;
    private final boolean tracking;
    private final boolean emitStatusChanges;
    private final boolean emitExisting;

    /**
     * @param matches           whether a status passes the status filter
     * @param tracking          whether statuses are stored (status filter or status-change mode)
     * @param emitStatusChanges status-change mode
     * @param emitExisting      emit the items of the baseline too
     */
    IdentityPoll(Predicate<String> matches, boolean tracking, boolean emitStatusChanges, boolean emitExisting) {
        this.matches = matches;
        this.tracking = tracking;
        this.emitStatusChanges = emitStatusChanges;
        this.emitExisting = emitExisting;
    }

    /** What the item means, or null when it is nothing new. */
    PollEvent classify(PollPosition pos, PolledItem item) {
        SeenIds seen = pos.seen();
        if (!seen.contains(item.id())) {
            boolean wanted = pos.baselined()
                    || emitExisting
                    || item.dated() && !item.createdAt().isBefore(pos.mark());
            return new PollEvent(item, true, wanted && matches.test(item.status()), null);
        }
        if (!tracking) {
            return null;
        }
        String before = seen.status(item.id());
        if (Objects.equals(before, item.status())) {
            return null;
        }
        boolean emit =
                emitStatusChanges ? matches.test(item.status()) : matches.test(item.status()) && !matches.test(before);
        return new PollEvent(item, false, emit, before);
    }
}
