package io.github.camelrecurrente.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.component.webhook.EventParser;
import io.github.camelrecurrente.component.webhook.RecurrenteWebhook;
import io.github.camelrecurrente.component.webhook.RecurrenteWebhookHandler;
import io.github.camelrecurrente.component.webhook.SvixSignatureVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The webhook handler without HTTP: what {@code recurrente:events} does per delivery (signature, typed event, dedupe,
 * headers) against the naive hand-written check, on an exchange carrying the headers and body platform-http would
 * give it, with a no-op route. With 1 thread it shows the handler's own CPU and allocation; with 8 threads on this
 * machine's cores it shows contention (the reason the default dedupe store is lock-free): the handler with Camel's
 * {@code MemoryIdempotentRepository} is measured as a third contender.
 */
final class WebhookHandlerProbe {

    private WebhookHandlerProbe() {}

    /** The contender that does only what no implementation can skip: the signature check and the typed parse. */
    static final String FLOOR = "the floor: signature check + typed parse only (no message work, no dedupe)";

    static final String HANDLER = "recurrente:events handler (default dedupe: RecentDeliveryIds)";

    /**
     * @param bareCpu   process CPU µs per request of the bare platform-http route in the HTTP measurement of this run
     * @param eventsCpu the same for {@code recurrente:events}
     */
    static String run(
            BenchMain.Config cfg,
            String secret,
            List<WebhookBench.Delivery> deliveries,
            double bareCpu,
            double eventsCpu)
            throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.getRegistry().bind("camelMemoryRepository", MemoryIdempotentRepository.memoryIdempotentRepository(10_000));
        ctx.start();
        try {
            Processor route = e -> {
                if (!(e.getMessage().getBody() instanceof RecurrenteEvent)) {
                    throw new IllegalStateException(
                            "not a typed event: " + e.getMessage().getBody());
                }
            };
            Map<String, Processor> contenders = new LinkedHashMap<>();
            contenders.put(HANDLER, handler(ctx, secret, "/probe/default", "", route, true, deliveries.size()));
            contenders.put(
                    "the same with Camel's MemoryIdempotentRepository",
                    handler(
                            ctx,
                            secret,
                            "/probe/memory",
                            "&idempotentRepository=#camelMemoryRepository",
                            route,
                            false,
                            deliveries.size()));
            WebhookBench.NaiveSvix naive = new WebhookBench.NaiveSvix(secret);
            SvixSignatureVerifier verifier = SvixSignatureVerifier.of(secret, 300);
            contenders.put(FLOOR, e -> {
                Message m = e.getIn();
                byte[] body = m.getBody(byte[].class);
                SvixSignatureVerifier.Result result = verifier.verify(
                        m.getHeader("svix-id", String.class),
                        m.getHeader("svix-timestamp", String.class),
                        m.getHeader("svix-signature", String.class),
                        body);
                if (result != SvixSignatureVerifier.Result.VALID) {
                    throw new IllegalStateException("floor: " + result.reason());
                }
                m.setBody(EventParser.parse(body));
            });
            contenders.put("naive hand-written Svix check + Jackson tree", e -> {
                naive.process(e);
                e.getMessage().setBody("ok");
            });
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(
                    "%nThe handler alone, no HTTP (`WebhookHandlerProbe`: an exchange with the headers and"
                            + " body platform-http gives, a no-op route; %d rounds × %.1f s, medians):%n%n",
                    cfg.rounds, cfg.seconds));
            sb.append(
                    "| contender | 1 thread: CPU µs/delivery | 1 thread: allocated/delivery | 8 threads: deliveries/s | 8 threads: process CPU µs/delivery |\n");
            sb.append("|---|---:|---:|---:|---:|\n");
            // one cursor per contender: each sees the pool's ids in order, so an id comes back only after more
            // than the 10 000 its dedupe store remembers (never a duplicate)
            Map<String, AtomicInteger> cursors = new LinkedHashMap<>();
            Map<String, List<double[]>> single = new LinkedHashMap<>();
            Map<String, List<double[]>> multi = new LinkedHashMap<>();
            // the floor's two parts on the raw delivery, without an exchange: what they cost on this machine
            List<Double> rawSignature = new ArrayList<>();
            List<Double> rawParse = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = -1; round < cfg.rounds; round++) { // round -1: warm-up
                    for (Map.Entry<String, Processor> c : contenders.entrySet()) {
                        AtomicInteger cursor = cursors.computeIfAbsent(c.getKey(), k -> new AtomicInteger());
                        double[] one = measureOneThread(ctx, c.getValue(), deliveries, cursor, cfg.seconds);
                        double[] eight = measureThreads(ctx, c.getValue(), deliveries, cursor, cfg.seconds, pool, 8);
                        if (round >= 0) {
                            single.computeIfAbsent(c.getKey(), k -> new ArrayList<>())
                                    .add(one);
                            multi.computeIfAbsent(c.getKey(), k -> new ArrayList<>())
                                    .add(eight);
                        }
                    }
                    double signature = measureRaw(deliveries, cfg.seconds, d -> {
                        if (verifier.verify(d.id(), d.timestamp(), d.signature(), d.body())
                                != SvixSignatureVerifier.Result.VALID) {
                            throw new IllegalStateException("raw floor: signature not valid");
                        }
                    });
                    double parse = measureRaw(deliveries, cfg.seconds, d -> EventParser.parse(d.body()));
                    if (round >= 0) {
                        rawSignature.add(signature);
                        rawParse.add(parse);
                    }
                    BenchMain.log("webhook handler probe: round %d/%d done", round + 1, cfg.rounds);
                }
            } finally {
                pool.shutdownNow();
            }
            for (String k : contenders.keySet()) {
                sb.append(String.format(
                        "| %s | %.1f | %.1f KB | %.0f | %.1f |%n",
                        k,
                        median(single.get(k), 0),
                        median(single.get(k), 1) / 1024,
                        median(multi.get(k), 0),
                        median(multi.get(k), 1)));
            }
            if (LATE_DUPLICATES.get() > 0) {
                sb.append(String.format(
                        "The default store answered \"duplicate\" %d time(s) for an id re-sent more than its window after"
                                + " the previous copy (8 threads; counted, not a failure: see the probe's javadoc).%n",
                        LATE_DUPLICATES.get()));
            }
            sb.append(budget(
                    bareCpu,
                    eventsCpu,
                    median(single.get(HANDLER), 0),
                    median(single.get(FLOOR), 0),
                    Stats.median(rawSignature),
                    Stats.median(rawParse)));
            return sb.toString();
        } finally {
            ctx.stop();
        }
    }

    private static Processor handler(
            CamelContext ctx,
            String secret,
            String path,
            String extra,
            Processor route,
            boolean exactWindow,
            int poolSize)
            throws Exception {
        // the newest pool position started per delivery id: a thread that fetched position p of an id and was
        // descheduled while other threads went round the whole pool and processed p + poolSize first (a loaded
        // machine) gets "duplicate" for p rightly; only a duplicate with no newer copy started is the store's fault
        AtomicLongArray newestStarted = new AtomicLongArray(poolSize);
        RecurrenteEndpoint endpoint = ctx.getEndpoint(
                "recurrente:events?webhookPath=" + path + "&webhookSecret=RAW(" + secret + ")" + extra,
                RecurrenteEndpoint.class);
        RecurrenteWebhookHandler handler = new RecurrenteWebhook(endpoint).createHandler(route);
        ServiceHelper.startService(handler);
        return e -> {
            long position = e.getProperty(POSITION, Long.class);
            newestStarted.accumulateAndGet((int) Math.floorMod(position, (long) poolSize), position, Math::max);
            handler.process(e);
            if (!(e.getMessage().getBody() instanceof java.nio.ByteBuffer b && b.remaining() == 2 && b.get(0) == 'o')) {
                // Camel's MemoryIdempotentRepository evicts in batches, one eviction at a time: under 8 threads it
                // can still hold an id the pool sends again after 25 000 others. That answer did the same work
                // (signature, dedupe check), so it counts; the default store's window is exact and must not.
                String answer = e.getMessage().getBody(String.class);
                boolean staleFetch = "duplicate".equals(answer)
                        && newestStarted.get((int) Math.floorMod(position, (long) poolSize)) > position;
                if (!"duplicate".equals(answer)) {
                    throw new IllegalStateException("answered " + answer);
                }
                if (exactWindow && !staleFetch) {
                    // an id answered "duplicate" more than the window's 10 000 deliveries after its previous copy
                    // (seen with 8 threads on a loaded 2-core machine): remembering longer is safe for a real sender
                    // (a svix-id is never reused for another message), so the probe counts it and says so
                    LATE_DUPLICATES.incrementAndGet();
                }
            }
        };
    }

    private static final String POSITION = "probe.position";

    /** "duplicate" answers of the default store outside a stale fetch (printed with the probe's table). */
    static final java.util.concurrent.atomic.AtomicLong LATE_DUPLICATES = new java.util.concurrent.atomic.AtomicLong();

    /** The delivery at a position of the endless walk over the pool, as an exchange that knows its position. */
    private static Exchange delivery(CamelContext ctx, List<WebhookBench.Delivery> deliveries, long position) {
        Exchange e = delivery(ctx, deliveries.get((int) Math.floorMod(position, (long) deliveries.size())));
        e.setProperty(POSITION, position);
        return e;
    }

    /** An exchange as platform-http hands it over for a delivery (its headers, the raw body). */
    private static Exchange delivery(CamelContext ctx, WebhookBench.Delivery d) {
        Exchange exchange = new DefaultExchange(ctx, ExchangePattern.InOut);
        Message m = exchange.getIn();
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.HTTP_PATH, "/bench/events");
        m.setHeader("Content-Length", Integer.toString(d.body().length));
        m.setHeader("Content-Type", "application/json");
        m.setHeader("Host", "127.0.0.1:8080");
        m.setHeader("svix-id", d.id());
        m.setHeader("svix-timestamp", d.timestamp());
        m.setHeader("svix-signature", d.signature());
        m.setBody(d.body());
        return exchange;
    }

    /** CPU µs per call of {@code work} on the raw deliveries (no exchange), on this thread. */
    private static double measureRaw(
            List<WebhookBench.Delivery> deliveries,
            double seconds,
            java.util.function.Consumer<WebhookBench.Delivery> work) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        int size = deliveries.size();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                work.accept(deliveries.get((int) (n++ % size)));
            }
        }
        return (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / n;
    }

    /** @return { CPU µs per delivery, bytes allocated per delivery } on this thread */
    private static double[] measureOneThread(
            CamelContext ctx, Processor p, List<WebhookBench.Delivery> deliveries, AtomicInteger cursor, double seconds)
            throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long alloc0 = mx.getCurrentThreadAllocatedBytes();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                p.process(delivery(ctx, deliveries, cursor.getAndIncrement()));
            }
            n += 100;
        }
        return new double[] {
            (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / n, (double) (mx.getCurrentThreadAllocatedBytes() - alloc0) / n
        };
    }

    /** @return { deliveries per second, process CPU µs per delivery } with {@code threads} threads */
    private static double[] measureThreads(
            CamelContext ctx,
            Processor p,
            List<WebhookBench.Delivery> deliveries,
            AtomicInteger cursor,
            double seconds,
            ExecutorService pool,
            int threads)
            throws Exception {
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        long cpu0 = LoadRunner.processCpuNanos();
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 50; i++) {
                        p.process(delivery(ctx, deliveries, cursor.getAndIncrement()));
                    }
                    n += 50;
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> f : futures) {
            total += f.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new double[] {total / elapsed, (LoadRunner.processCpuNanos() - cpu0) / 1e3 / Math.max(1, total)};
    }

    /**
     * What the goal leaves the handler on this machine, beside what it spends and what it cannot go below. When CPU is
     * the limit, {@code events ≥ 0.90 × bare} in requests per second means the events route may spend at most
     * {@code bare / 0.90 − bare} µs of CPU per request more than the bare route; its extra is the handler's work (the
     * two routes share the HTTP server and the generator).
     */
    static String budget(
            double bareCpu, double eventsCpu, double handler, double floor, double rawSignature, double rawParse) {
        if (!(bareCpu > 0) || !(eventsCpu > 0)) {
            return "";
        }
        double allowed = bareCpu / 0.90 - bareCpu;
        double raw = rawSignature + rawParse;
        return String.format(
                "%nThe goal's budget on this machine: ≥ 0.90× bare allows %.1f µs of CPU per request over the bare"
                        + " route's %.1f; recurrente:events spent %.1f µs over it in the HTTP measurement. The handler"
                        + " alone: %.1f µs per delivery; its floor (the signature check and the typed parse, nothing"
                        + " else): %.1f µs, %s the budget (both probe figures include building the exchange, which"
                        + " the two HTTP routes share). The floor's two parts on the raw delivery, no exchange at"
                        + " all: signature %.1f µs + typed parse %.1f µs = %.1f µs, %s the budget%s.%n",
                allowed,
                bareCpu,
                eventsCpu - bareCpu,
                handler,
                floor,
                floor <= allowed ? "within" : "over",
                rawSignature,
                rawParse,
                raw,
                raw <= allowed ? "within" : "over",
                raw <= allowed
                        ? String.format(" (%.1f µs left for everything else)", allowed - raw)
                        : ": on this machine no implementation that checks the signature and hands the route a typed"
                                + " event can reach the goal");
    }

    private static double median(List<double[]> rows, int column) {
        return Stats.median(rows.stream().map(r -> r[column]).toList());
    }
}
