package io.github.camelrecurrente.sandbox.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.github.camelrecurrente.sandbox.WebhookDelivery;
import io.github.camelrecurrente.sandbox.WebhookEvent;
import io.github.camelrecurrente.sandbox.store.Ids;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;

/**
 * Delivers webhook messages asynchronously, Svix style: signed, retried on non-2xx, connection error or
 * timeout following a schedule, with a delivery log, drop rules and re-send on demand.
 */
public final class WebhookDispatcher implements AutoCloseable {

    /** Events, delivery-log entries and re-sendable messages kept by default. */
    public static final int DEFAULT_HISTORY_CAPACITY = 10_000;

    private record Message(String id, String eventType, byte[] body, List<WebhookTarget> targets) {}

    private final List<Duration> retrySchedule;
    private final Duration attemptTimeout;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    private final int historyCapacity;
    // guarded by signal: the newest historyCapacity entries of each, oldest first
    private final ArrayDeque<WebhookDelivery> log = new ArrayDeque<>();
    private final ArrayDeque<WebhookEvent> events = new ArrayDeque<>();
    private final ArrayDeque<String> messageOrder = new ArrayDeque<>();
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<DropRule> dropRules = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private volatile int generation;

    /** A dispatcher that keeps the last {@link #DEFAULT_HISTORY_CAPACITY} events, deliveries and messages. */
    public WebhookDispatcher(List<Duration> retrySchedule, Duration attemptTimeout) {
        this(retrySchedule, attemptTimeout, DEFAULT_HISTORY_CAPACITY);
    }

    /**
     * @param retrySchedule   delay before each attempt (first entry = first attempt); size = max attempts
     * @param attemptTimeout  how long to wait for a receiver's answer
     * @param historyCapacity how many events, delivery-log entries and re-sendable messages to keep (the oldest are
     *                        forgotten first), so a long-running sandbox does not grow without bound
     */
    public WebhookDispatcher(List<Duration> retrySchedule, Duration attemptTimeout, int historyCapacity) {
        if (retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("The webhook retry schedule needs at least one entry");
        }
        if (historyCapacity < 1) {
            throw new IllegalArgumentException(
                    "The webhook history capacity must be at least 1, got " + historyCapacity);
        }
        this.historyCapacity = historyCapacity;
        this.retrySchedule = List.copyOf(retrySchedule);
        this.attemptTimeout = attemptTimeout;
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "recurrente-sandbox-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // like Svix; avoids an h2c upgrade on http:// receivers
                .connectTimeout(Duration.ofSeconds(2))
                .executor(scheduler)
                .build();
    }

    /** @return the retry schedule */
    public List<Duration> retrySchedule() {
        return retrySchedule;
    }

    /**
     * Records an event and queues it for every target.
     *
     * @return the message id
     */
    public String publish(String accountName, String eventType, byte[] body, List<WebhookTarget> targets) {
        String id = Ids.svix("msg_");
        Message m = new Message(id, eventType, body, List.copyOf(targets));
        messages.put(id, m);
        WebhookEvent event =
                new WebhookEvent(id, eventType, accountName, new String(body, StandardCharsets.UTF_8), Instant.now());
        synchronized (signal) {
            events.add(event);
            trim(events);
            messageOrder.add(id);
            while (messageOrder.size() > historyCapacity) {
                forget(messageOrder.poll());
            }
        }
        int gen = generation;
        for (WebhookTarget t : m.targets()) {
            if (shouldDrop(t, eventType)) {
                record(new WebhookDelivery(
                        id,
                        eventType,
                        t.endpointId(),
                        t.url(),
                        0,
                        0,
                        Instant.now(),
                        new String(body, StandardCharsets.UTF_8),
                        "dropped"));
                continue;
            }
            schedule(m, t, 0, gen);
        }
        return id;
    }

    /**
     * Sends a message again (same svix-id) to all of its endpoints, or only to one.
     *
     * @param endpoint endpoint id or URL, or {@code null} for all
     * @return number of endpoints re-sent to
     * @throws IllegalArgumentException for an unknown message id
     */
    public int resend(String messageId, String endpoint) {
        Message m = messages.get(messageId);
        if (m == null) {
            throw new IllegalArgumentException("Unknown webhook message id " + messageId);
        }
        int n = 0;
        for (WebhookTarget t : m.targets()) {
            if (endpoint == null || endpoint.equals(t.endpointId()) || endpoint.equals(t.url())) {
                scheduleAttempt(m, t, Duration.ZERO, retrySchedule.size() - 1, generation);
                n++;
            }
        }
        return n;
    }

    /**
     * Drops the next {@code count} messages for an endpoint (id or URL; {@code null} = any endpoint),
     * optionally only messages whose event type matches {@code eventTypeRegex}.
     */
    public void dropNext(String endpoint, int count, String eventTypeRegex) {
        if (count <= 0) {
            throw new IllegalArgumentException("Drop count must be positive, got " + count);
        }
        dropRules.add(new DropRule(endpoint, count, eventTypeRegex));
    }

    private boolean shouldDrop(WebhookTarget t, String eventType) {
        for (DropRule r : dropRules) {
            if (r.consume(t.endpointId(), t.url(), eventType)) {
                if (r.exhausted()) {
                    dropRules.remove(r);
                }
                return true;
            }
        }
        return false;
    }

    private void schedule(Message m, WebhookTarget t, int scheduleIndex, int gen) {
        scheduleAttempt(m, t, retrySchedule.get(scheduleIndex), scheduleIndex, gen);
    }

    private void scheduleAttempt(Message m, WebhookTarget t, Duration delay, int scheduleIndex, int gen) {
        scheduler.schedule(() -> attempt(m, t, scheduleIndex, gen), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(Message m, WebhookTarget t, int scheduleIndex, int gen) {
        if (gen != generation) {
            return;
        }
        int attemptNo = attempts.computeIfAbsent(m.id() + "|" + t.endpointId(), k -> new AtomicInteger())
                .incrementAndGet();
        long ts = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(t.url()))
                    .timeout(attemptTimeout)
                    .header("Content-Type", "application/json")
                    .header("svix-id", m.id())
                    .header("svix-timestamp", Long.toString(ts))
                    .header("svix-signature", SvixSigner.sign(t.secret(), m.id(), ts, m.body()))
                    .header("User-Agent", "Svix-Webhooks/1.0 (recurrente-sandbox)")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()))
                    .build();
        } catch (IllegalArgumentException e) {
            finish(m, t, scheduleIndex, gen, attemptNo, 0, "invalid endpoint URL: " + e.getMessage());
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
            if (err != null) {
                Throwable cause = err.getCause() != null ? err.getCause() : err;
                String msg = cause instanceof java.net.http.HttpTimeoutException || cause instanceof TimeoutException
                        ? "timeout"
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                finish(m, t, scheduleIndex, gen, attemptNo, 0, msg);
            } else {
                finish(m, t, scheduleIndex, gen, attemptNo, resp.statusCode(), null);
            }
        });
    }

    private void finish(
            Message m, WebhookTarget t, int scheduleIndex, int gen, int attemptNo, int status, String error) {
        boolean ok = status >= 200 && status < 300;
        record(new WebhookDelivery(
                m.id(),
                m.eventType(),
                t.endpointId(),
                t.url(),
                attemptNo,
                status,
                Instant.now(),
                new String(m.body(), StandardCharsets.UTF_8),
                ok ? null : (error == null ? "HTTP " + status : error)));
        if (!ok && scheduleIndex + 1 < retrySchedule.size() && gen == generation) {
            schedule(m, t, scheduleIndex + 1, gen);
        }
    }

    private void record(WebhookDelivery d) {
        synchronized (signal) {
            log.add(d);
            trim(log);
            signal.notifyAll();
        }
    }

    /** Drops the oldest entries beyond the capacity (caller holds {@code signal}). */
    private void trim(ArrayDeque<?> entries) {
        while (entries.size() > historyCapacity) {
            entries.poll();
        }
    }

    /** Forgets a message that fell out of the history: it can no longer be re-sent (a pending retry still runs). */
    private void forget(String messageId) {
        Message m = messages.remove(messageId);
        if (m != null) {
            for (WebhookTarget t : m.targets()) {
                attempts.remove(messageId + "|" + t.endpointId());
            }
        }
    }

    /** @return the delivery log (every attempt and drop; the newest history-capacity entries), oldest first */
    public List<WebhookDelivery> deliveries() {
        synchronized (signal) {
            return List.copyOf(log);
        }
    }

    /** @return the emitted events (the newest history-capacity ones), oldest first */
    public List<WebhookEvent> events() {
        synchronized (signal) {
            return List.copyOf(events);
        }
    }

    /**
     * Waits until at least {@code count} log entries match.
     *
     * @return the matching entries
     * @throws IllegalStateException on timeout (with what was seen)
     */
    public List<WebhookDelivery> await(Predicate<WebhookDelivery> filter, int count, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<WebhookDelivery> matching = new ArrayList<>();
            for (WebhookDelivery d : deliveries()) {
                if (filter.test(d)) {
                    matching.add(d);
                }
            }
            if (matching.size() >= count) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms waiting for " + count
                        + " " + what + "; saw " + matching.size() + ". Delivery log: " + summary());
            }
            synchronized (signal) {
                try {
                    signal.wait(Math.max(1, Math.min(50, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for webhook deliveries", e);
                }
            }
        }
    }

    private String summary() {
        StringBuilder sb = new StringBuilder("[");
        for (WebhookDelivery d : deliveries()) {
            sb.append(d.eventType())
                    .append('#')
                    .append(d.attempt())
                    .append("->")
                    .append(d.statusCode())
                    .append(' ');
        }
        return sb.append(']').toString();
    }

    /** Forgets log, events, messages and drop rules, and cancels pending retries. */
    public void reset() {
        generation++;
        synchronized (signal) {
            log.clear();
            events.clear();
            messageOrder.clear();
        }
        messages.clear();
        attempts.clear();
        dropRules.clear();
    }

    /** Clears only the delivery log and the event list. */
    public void clearLog() {
        synchronized (signal) {
            log.clear();
            events.clear();
        }
    }

    @Override
    public void close() {
        generation++;
        scheduler.shutdownNow();
    }
}
