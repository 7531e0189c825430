package io.github.camelrecurrente.component.polling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import io.github.camelrecurrente.component.RecurrenteConfiguration;
import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.client.ListRequest;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.observe.ObservedPollStrategy;
import io.github.camelrecurrente.component.observe.PollingHealthCheck;
import io.github.camelrecurrente.component.paging.Page;
import io.github.camelrecurrente.component.paging.RepeatedPageGuard;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a Recurrente list operation ({@code from("recurrente:listCheckouts?delay=60000")}) and emits every new item
 * once, as its typed model, oldest first.
 * <p>
 * Each poll pages through the list newest first until it reaches the position acknowledged before: a high-water mark
 * on {@code created_at} plus the ids acknowledged at exactly that instant. The new items are then routed oldest
 * first, one exchange each, with the batch properties; the mark advances past an item only once its exchange
 * completed without an (unhandled) exception, so a failed item and the ones after it are polled again. With
 * {@code maxMessagesPerPoll} the oldest new items go first and the rest follow in the next polls.
 * <p>
 * With a {@code status} filter or {@code emitStatusChanges}, the consumer also remembers the last acknowledged status
 * of recent items (at most {@link #STATUS_WINDOW} of the newest items, final statuses forgotten at once) and scans
 * back far enough to see them again: an item is emitted when it first shows the wanted status, or (status-change
 * mode) each time its status changed.
 * <p>
 * The position is kept in memory, or in the {@code stateRepository} (one key per route) so a restart emits nothing
 * twice; without a stored position it starts at {@code initialFromTime} (default: now).
 * <p>
 * Products, coupons and customers carry no {@code created_at} in the API's documentation, so those lists are polled
 * <em>by identity</em> (see {@link IdentityPoll}): every poll reads the whole list and emits the items whose id is
 * not in the position's bounded set of seen ids. An item of the other lists that lacks a timestamp is treated the
 * same way within the part of the list a poll reads.
 */
public class RecurrentePollingConsumer extends ScheduledBatchPollingConsumer {

    /** Header set on status-change messages: the status the item had when it was last emitted or acknowledged. */
    public static final String PREVIOUS_STATUS = RecurrenteConstants.PREVIOUS_STATUS;

    /** Header telling why an item was emitted: {@link #EVENT_NEW} or {@link #EVENT_STATUS_CHANGE}. */
    public static final String POLL_EVENT = RecurrenteConstants.POLL_EVENT;

    public static final String EVENT_NEW = "new";
    public static final String EVENT_STATUS_CHANGE = "statusChange";

    /**
     * How many of the newest items have their status remembered (status filter and status-change mode): status
     * changes of items older than that are not seen by the poller (use webhooks for those).
     */
    public static final int STATUS_WINDOW = 1000;

    /**
     * With a status filter or status-change mode the stored position also holds the watched items (up to tens of
     * KB), so it is saved every this many emitted items (and at the end of every poll) instead of after each one.
     */
    static final int SAVE_EVERY_WHEN_TRACKING = 10;

    /** Page size used when the endpoint has no {@code items} option: the API's maximum, the fewest requests. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Statuses after which an item does not change any more, so it needs no watching. */
    private static final Map<RecurrenteOperation, Set<String>> FINAL_STATUSES = Map.of(
            RecurrenteOperation.listCheckouts, Set.of("paid", "expired"),
            RecurrenteOperation.listIntents, Set.of("succeeded", "failed", "canceled", "cancelled"),
            RecurrenteOperation.listSubscriptions, Set.of("cancelled", "canceled", "ended"));

    /**
     * Lists whose documented items carry no {@code created_at}: polled by identity (the whole list on every poll,
     * a bounded set of seen ids in the position).
     */
    static final Set<RecurrenteOperation> IDENTITY_OPERATIONS = Set.of(
            RecurrenteOperation.listProducts, RecurrenteOperation.listCoupons, RecurrenteOperation.listCustomers);

    /** Above this many seen ids the stored position is saved every {@link #SAVE_EVERY_WHEN_TRACKING} items. */
    static final int SMALL_POSITION_IDS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RecurrentePollingConsumer.class);

    private final RecurrenteEndpoint endpoint;
    private final RecurrenteOperation operation;
    private final Set<String> statuses;
    private final boolean emitStatusChanges;
    private final boolean tracking;
    private final int pageSize;
    private final Set<String> finalStatuses;
    private final boolean byIdentity;
    private final boolean emitExisting;
    private final int maxSeenIds;
    private final IdentityPoll identity;

    private RecurrenteApi api;
    private StateRepository<String, String> stateRepository;
    private boolean startedRepository;
    private String stateKey;
    private PollPosition position;
    private boolean dirty;
    private Instant fromBound;
    private int unsavedEmits;

    /** What one poll found: an item to emit, or to acknowledge silently (filtered out). */
    record PollEvent(PolledItem item, boolean isNew, boolean emit, String previousStatus) {}

    public RecurrentePollingConsumer(RecurrenteEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        RecurrenteConfiguration c = endpoint.getConfiguration();
        this.operation = c.getOperation();
        if (operation == null || !operation.isPollable()) {
            throw new IllegalArgumentException("recurrente:" + operation + " cannot be polled; use one of the list"
                    + " operations " + RecurrenteOperation.pollableNames());
        }
        this.statuses = parseStatuses(c.getStatus());
        this.emitStatusChanges = c.isEmitStatusChanges();
        this.tracking = emitStatusChanges || !statuses.isEmpty();
        if (tracking && operation == RecurrenteOperation.listCustomers) {
            throw new IllegalArgumentException("recurrente:listCustomers items have no status: the status and"
                    + " emitStatusChanges options cannot be used with it");
        }
        Integer items = c.getItems();
        String itemsRule = ListRequest.itemsRule(items);
        if (itemsRule != null) {
            throw new IllegalArgumentException("recurrente: the items option " + itemsRule);
        }
        this.pageSize = items == null ? DEFAULT_PAGE_SIZE : items;
        this.finalStatuses = FINAL_STATUSES.getOrDefault(operation, Set.of());
        this.byIdentity = IDENTITY_OPERATIONS.contains(operation);
        this.emitExisting = c.isEmitExistingItems();
        this.maxSeenIds = c.getMaxSeenIds();
        if (maxSeenIds < 1) {
            throw new IllegalArgumentException(
                    "recurrente: the maxSeenIds option must be 1 or more, got " + maxSeenIds);
        }
        this.identity = new IdentityPoll(this::matches, tracking, emitStatusChanges, emitExisting);
        setMaxMessagesPerPoll(c.getMaxMessagesPerPoll());
    }

    @Override
    public RecurrenteEndpoint getEndpoint() {
        return endpoint;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    protected void doBuild() throws Exception {
        // before super: Camel creates its own scheduled-poll check only when none is set
        setHealthCheck(new PollingHealthCheck(this, "consumer:" + getRouteId(), endpoint.getObserver()));
        setPollStrategy(ObservedPollStrategy.wrap(getPollStrategy(), endpoint.getObserver()));
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        RecurrenteConfiguration c = endpoint.getConfiguration();
        this.api = endpoint.getApi(); // fails fast (without showing any key) when no secret key is configured
        Instant initial = parseInitialFromTime(c.getInitialFromTime());
        this.fromBound = ObjectHelper.isEmpty(c.getFromTime()) ? null : parseTime(c.getFromTime(), "fromTime");
        this.stateKey = stateKey();
        this.stateRepository = c.getStateRepository();
        if (stateRepository != null) {
            if (!ServiceHelper.isStarted(stateRepository)) {
                ServiceHelper.startService(stateRepository);
                startedRepository = true;
            }
            String stored = stateRepository.getState(stateKey);
            if (stored != null) {
                try {
                    position = PollPosition.fromJson(stored, maxSeenIds);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(
                            "The stateRepository holds an unreadable position under key "
                                    + stateKey + " (" + e.getMessage()
                                    + "); remove that key to start from initialFromTime",
                            e);
                }
                LOG.info(
                        "Polling recurrente:{} from the stored position {} (state key {})",
                        operation,
                        position,
                        stateKey);
            } else {
                position = new PollPosition(initial, maxSeenIds);
                LOG.info(
                        "Polling recurrente:{} from initialFromTime {} (no stored position under key {})",
                        operation,
                        initial,
                        stateKey);
                save(); // keep this starting point, so a restart before the first item does not move it
            }
        } else if (position == null) {
            // in memory: kept across a route restart, lost when the CamelContext stops
            position = new PollPosition(initial, maxSeenIds);
            LOG.info(
                    "Polling recurrente:{} from initialFromTime {} (position kept in memory only)", operation, initial);
        }
        dirty = false;
        super.doStart();
        endpoint.getObserver()
                .pollingStarted(findRoute() == null ? null : findRoute().getRouteId(), getDelay());
        endpoint.getObserver().position(position.mark(), null, 0);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        endpoint.getObserver().pollingStopped();
        if (startedRepository) {
            // we started it, so we stop it: a file repository flushes and reloads on the next start (failover)
            ServiceHelper.stopService(stateRepository);
            startedRepository = false;
        }
    }

    // ---------------------------------------------------------------- poll

    @Override
    protected int poll() throws Exception {
        if (byIdentity) {
            return pollByIdentity();
        }
        PollPosition pos = position;
        Instant floor = tracking ? pos.scanFloor() : pos.mark();
        if (fromBound != null && fromBound.isAfter(floor)) {
            floor = fromBound; // the fromTime option: nothing older is ever emitted
        }
        ListRequest list = listRequest(floor);
        int limit = getMaxMessagesPerPoll();

        // ids of the previous and current page: an item listed twice (newer items shift the pages while we page)
        // counts once; and the watched ids seen, to forget the others. Memory stays bounded by the page size,
        // the watch window and maxMessagesPerPoll, however long the backlog.
        Set<String> previousPage = new HashSet<>();
        Set<String> currentPage = new HashSet<>();
        Set<String> seenWatched = new HashSet<>();
        RepeatedPageGuard pageGuard =
                new RepeatedPageGuard(operation.name(), endpoint.getObserver()::listEndedAtRepeatedPage);
        Deque<PollEvent> found = new ArrayDeque<>(); // newest first, as listed
        int emitCount = 0;
        int heldBack = 0;
        Instant heldBackOldest = null;
        int scanned = 0;
        int undated = 0;
        int pages = 0;
        int pageNumber = 1;
        while (true) {
            Page<Object> page = api.page(list, pageNumber);
            pages++;
            if (pages == 1) {
                forceConsumerAsReady();
            }
            boolean lastNeededPage = false;
            if (pageGuard.check(
                    page,
                    page.items().isEmpty()
                            ? null
                            : PolledItem.of(page.items().get(0)).id())) {
                break; // page 1 again: the list answered every item at once, and they were all read
            }
            for (Object model : page.items()) {
                PolledItem item = PolledItem.of(model);
                if (previousPage.contains(item.id()) || !currentPage.add(item.id())) {
                    continue;
                }
                scanned++;
                if (!item.dated()) {
                    // no timestamp to order it by: by identity, within the part of the list this poll reads
                    if (++undated > maxSeenIds) {
                        throw tooManyIds();
                    }
                    PollEvent event = identity.classify(pos, item);
                    if (event != null) {
                        found.addLast(event);
                        emitCount += event.emit() ? 1 : 0;
                    }
                    continue;
                }
                if (item.createdAt().isBefore(floor)) {
                    lastNeededPage = true; // the rest is older; finish this page in case the API's order is loose
                    continue;
                }
                if (tracking) {
                    if (scanned > STATUS_WINDOW && item.createdAt().isBefore(pos.mark())) {
                        lastNeededPage = true; // deep enough: older watched items fall out of the window
                        continue;
                    }
                    if (pos.watch().containsKey(item.id())) {
                        seenWatched.add(item.id());
                    }
                }
                PollEvent event = classify(pos, item);
                if (event == null) {
                    continue;
                }
                found.addLast(event);
                if (event.emit()) {
                    emitCount++;
                }
                // with a limit, only the oldest `limit` emits (and what lies between them) are kept in memory
                while (limit > 0 && emitCount > limit) {
                    PollEvent dropped = found.removeFirst();
                    if (dropped.emit()) {
                        emitCount--;
                        heldBack++; // the lag: what waits for the next polls (oldest dropped last)
                        heldBackOldest = dropped.item().createdAt();
                    }
                }
            }
            Integer next = page.nextPage();
            if (lastNeededPage
                    || next == null
                    || next <= pageNumber
                    || page.items().isEmpty()) {
                break;
            }
            pageNumber = next;
            Set<String> swap = previousPage;
            previousPage = currentPage;
            currentPage = swap;
            currentPage.clear();
        }
        if (tracking) {
            // watched items not seen in a full scan are out of the window (or gone): forget them
            int forgotten = pos.retainWatched(seenWatched);
            forgotten += pos.trimWatch(STATUS_WINDOW);
            if (forgotten > 0) {
                dirty = true;
                LOG.debug("recurrente:{} forgot the status of {} items out of the window", operation, forgotten);
            }
        }

        List<PollEvent> events = new ArrayList<>(found);
        Collections.reverse(events); // oldest first
        // stable: keeps the list order of ties; undated items (by identity) last
        events.sort(Comparator.comparing(e -> e.item().createdAt(), Comparator.nullsLast(Comparator.naturalOrder())));
        if (!pos.baselined()) {
            pos.markBaselined();
            dirty = true;
        }
        LOG.debug(
                "recurrente:{} poll scanned {} items in {} pages: {} to emit, {} to acknowledge",
                operation,
                scanned,
                pages,
                emitCount,
                events.size() - emitCount);

        Queue<Object> queue = new ArrayDeque<>(events);
        int emitted = processBatch(queue);
        if (dirty) {
            save();
        }
        observePosition(events, emitted, heldBack, heldBackOldest);
        return emitted;
    }

    /** Tells the observer the position and the oldest item found but not emitted (the lag), after a poll. */
    private void observePosition(List<PollEvent> events, int emitted, int heldBack, Instant heldBackOldest) {
        int seen = 0;
        int pending = heldBack;
        Instant oldestPending = null;
        for (PollEvent e : events) {
            if (e.emit() && seen++ >= emitted) {
                pending++;
                if (oldestPending == null) {
                    oldestPending = e.item().createdAt();
                }
            }
        }
        endpoint.getObserver()
                .position(position.mark(), oldestPending != null ? oldestPending : heldBackOldest, pending);
    }

    /**
     * A poll of a list whose items carry no timestamp: reads every page, then acknowledges at once what is not
     * emitted (the baseline, filtered items) and routes the new items in the reverse of the list order (oldest
     * first when the API lists newest first). An item routed without success is not remembered: it and the items
     * after it are polled again.
     */
    private int pollByIdentity() throws Exception {
        PollPosition pos = position;
        boolean baseline = !pos.baselined();
        Set<String> listed = new HashSet<>();
        RepeatedPageGuard pageGuard =
                new RepeatedPageGuard(operation.name(), endpoint.getObserver()::listEndedAtRepeatedPage);
        List<PollEvent> toEmit = new ArrayList<>();
        List<PollEvent> silent = new ArrayList<>();
        ListRequest list = new ListRequest(operation.spec(), Map.of(), 1, pageSize, false);
        int pages = 0;
        int pageNumber = 1;
        while (true) {
            Page<Object> page = api.page(list, pageNumber);
            pages++;
            if (pages == 1) {
                forceConsumerAsReady();
            }
            if (pageGuard.check(
                    page,
                    page.items().isEmpty()
                            ? null
                            : PolledItem.of(page.items().get(0)).id())) {
                break; // page 1 again: the list answered every item at once, and they were all read
            }
            for (Object model : page.items()) {
                PolledItem item = PolledItem.of(model);
                if (!listed.add(item.id())) {
                    continue; // listed twice while paging (items shifted between pages)
                }
                if (listed.size() > maxSeenIds) {
                    throw tooManyIds();
                }
                PollEvent event = identity.classify(pos, item);
                if (event != null) {
                    (event.emit() ? toEmit : silent).add(event);
                }
            }
            Integer next = page.nextPage();
            if (next == null || next <= pageNumber || page.items().isEmpty()) {
                break;
            }
            pageNumber = next;
        }
        // every listed id was touched above, so remembering new ones forgets ids that are no longer listed first
        silent.forEach(this::acknowledge);
        if (baseline) {
            pos.markBaselined();
            dirty = true;
            LOG.info(
                    "recurrente:{} first poll: {} items listed, {} of them remembered as the baseline (not emitted),"
                            + " {} to emit",
                    operation,
                    listed.size(),
                    silent.size(),
                    toEmit.size());
        }
        Collections.reverse(toEmit);
        LOG.debug(
                "recurrente:{} poll by identity read {} items in {} pages: {} to emit, {} ids remembered",
                operation,
                listed.size(),
                pages,
                toEmit.size(),
                pos.seen().size());
        int emitted = processBatch(new ArrayDeque<>(toEmit));
        if (dirty) {
            save();
        }
        observePosition(toEmit, emitted, 0, null);
        return emitted;
    }

    /** A list that holds more items without a timestamp than the seen ids can remember: fail, never emit twice. */
    private IllegalStateException tooManyIds() {
        return new IllegalStateException("recurrente:" + operation + " lists more than maxSeenIds (" + maxSeenIds
                + ") items without a timestamp; raise maxSeenIds so that every listed id"
                + " can be remembered (nothing was emitted by this poll)");
    }

    /** Decides what an item means for this consumer, or null when it is nothing new. */
    private PollEvent classify(PollPosition pos, PolledItem item) {
        if (pos.isNew(item.createdAt(), item.id())) {
            return new PollEvent(item, true, matches(item.status()), null);
        }
        if (!tracking) {
            return null;
        }
        PollPosition.Watched w = pos.watch().get(item.id());
        if (w == null || ObjectHelper.equal(w.status(), item.status())) {
            return null;
        }
        boolean emit = emitStatusChanges ? matches(item.status()) : matches(item.status()) && !matches(w.status());
        return new PollEvent(item, false, emit, w.status());
    }

    private boolean matches(String status) {
        return statuses.isEmpty() || status != null && statuses.contains(status.toLowerCase(Locale.ROOT));
    }

    /** Every page of this poll: named page numbers and page size, from the floor on (one second of margin). */
    private ListRequest listRequest(Instant floor) {
        RecurrenteConfiguration c = endpoint.getConfiguration();
        Instant from = floor.minusSeconds(1);
        String fromTime = from.isAfter(Instant.EPOCH)
                ? from.truncatedTo(ChronoUnit.SECONDS).toString()
                : null;
        Map<String, String> filters = ListRequest.filters(operation.spec(), fromTime, c.getUntilTime(), c.getUserId());
        return new ListRequest(operation.spec(), filters, 1, pageSize, false);
    }

    // ---------------------------------------------------------------- batch

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        List<PollEvent> events = new ArrayList<>(exchanges.size());
        for (Object o : exchanges) {
            events.add((PollEvent) o);
        }
        int limit = getMaxMessagesPerPoll();
        int total = (int) events.stream().filter(PollEvent::emit).count();
        if (limit > 0 && total > limit) {
            total = limit;
        }
        int index = 0;
        try {
            for (PollEvent event : events) {
                if (!isBatchAllowed()) {
                    break;
                }
                if (event.emit()) {
                    if (index >= total) {
                        break; // maxMessagesPerPoll reached: the rest is polled again next time
                    }
                    pendingExchanges = total - index - 1;
                    if (!route(event, index, total)) {
                        break; // not acknowledged: this item and the ones after it are polled again
                    }
                    index++;
                }
                acknowledge(event);
                boolean bulky = tracking || position.seen().size() > SMALL_POSITION_IDS;
                if (event.emit() && (!bulky || ++unsavedEmits >= SAVE_EVERY_WHEN_TRACKING)) {
                    save();
                }
            }
        } finally {
            pendingExchanges = 0;
        }
        return index;
    }

    /** Routes one item; true when its exchange completed without an unhandled exception. */
    private boolean route(PollEvent event, int index, int total) {
        PolledItem item = event.item();
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(item.body());
            exchange.getIn().setHeader(RecurrenteConstants.ID, item.id());
            exchange.getIn().setHeader(POLL_EVENT, event.isNew() ? EVENT_NEW : EVENT_STATUS_CHANGE);
            if (!event.isNew()) {
                exchange.getIn().setHeader(PREVIOUS_STATUS, event.previousStatus());
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure != null) {
                getExceptionHandler()
                        .handleException(
                                "recurrente:" + operation + " item " + item.id()
                                        + " was not processed; it will be polled again",
                                exchange,
                                failure);
                return false;
            }
            endpoint.getObserver().itemEmitted(event.isNew());
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Moves the position past an item whose exchange succeeded (or that was filtered out). */
    private void acknowledge(PollEvent event) {
        PolledItem item = event.item();
        if (byIdentity || !item.dated()) {
            if (position.seen().put(item.id(), tracking ? item.status() : null)) {
                dirty = true;
            }
            return;
        }
        if (event.isNew()) {
            position.advance(item.createdAt(), item.id());
        }
        if (tracking) {
            boolean done = item.status() != null && finalStatuses.contains(item.status());
            // status filter only: once emitted, the item is of no further interest
            if (done || !emitStatusChanges && event.emit()) {
                position.unwatch(item.id());
            } else {
                position.watch(item.id(), item.status(), item.createdAt());
            }
        }
        dirty = true;
    }

    private void save() {
        if (stateRepository != null) {
            stateRepository.setState(stateKey, position.toJson());
        }
        dirty = false;
        unsavedEmits = 0;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The key of this consumer's position in the state repository: {@code recurrente.<routeId>} when the route has
     * an explicit id, else {@code recurrente.<operation>} (plus {@code .<status>} with a status filter).
     */
    String stateKey() {
        Route route = findRoute();
        String base;
        if (route != null && route.isCustomId()) {
            base = route.getRouteId();
        } else {
            base = operation.name() + (statuses.isEmpty() ? "" : "." + String.join(",", statuses));
        }
        return ("recurrente." + base).replaceAll("[=\\s]", "_");
    }

    /**
     * This consumer's route; also when it runs wrapped by another endpoint ({@code master:}, which starts this
     * consumer itself and does not tell it its route): the route whose endpoint delegates to ours.
     */
    private Route findRoute() {
        Route route = getRoute();
        if (route != null || endpoint.getCamelContext() == null) {
            return route;
        }
        for (Route r : endpoint.getCamelContext().getRoutes()) {
            Endpoint e = r.getEndpoint();
            for (int depth = 0; e != null && e != endpoint && e instanceof DelegateEndpoint d && depth < 5; depth++) {
                e = d.getEndpoint();
            }
            if (e == endpoint) {
                return r;
            }
        }
        return null;
    }

    static Set<String> parseStatuses(String status) {
        Set<String> out = new LinkedHashSet<>();
        if (status != null) {
            for (String s : status.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** {@code now} (to the millisecond), or an ISO-8601 instant, date-time with offset, or date (UTC midnight). */
    static Instant parseInitialFromTime(String text) {
        if (text == null || text.isBlank() || "now".equalsIgnoreCase(text.trim())) {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        return parseTime(text, "initialFromTime");
    }

    /** An ISO-8601 instant, date-time with offset, or date (UTC midnight). */
    static Instant parseTime(String text, String option) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("recurrente: " + option + " must be "
                            + ("initialFromTime".equals(option) ? "now or " : "")
                            + "an ISO-8601 instant such as 2026-01-01T00:00:00Z, got " + t);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RecurrentePollingConsumer[" + operation + "]";
    }
}
