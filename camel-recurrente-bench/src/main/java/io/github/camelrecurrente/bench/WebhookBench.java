package io.github.camelrecurrente.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Webhook ingest: signed Svix deliveries per second through {@code recurrente:events} (signature + dedupe + typed
 * event) vs a bare platform-http route that does nothing but answer "ok", and a hand-written naive check (new Mac per
 * request, String body, Jackson tree) as the reference point. Same Camel Main + Vert.x server, same pre-signed
 * payloads (distinct svix-id and event id each), interleaved rounds.
 */
final class WebhookBench {

    private static final int POOL = 25_000; // > the default dedupe repository size (10 000): ids are always new
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    private final BenchMain.Config cfg;
    private final AtomicLong routed = new AtomicLong();
    private final AtomicLong wrongType = new AtomicLong();

    WebhookBench(BenchMain.Config cfg) {
        this.cfg = cfg;
    }

    record Delivery(String id, String timestamp, String signature, byte[] body) {}

    static List<Delivery> sign(String secret, int count) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        byte[] template;
        try (InputStream in = WebhookBench.class.getResourceAsStream("/payment_intent.succeeded.json")) {
            template = in.readAllBytes();
        }
        ObjectNode event = (ObjectNode) mapper.readTree(template);
        long ts = System.currentTimeMillis() / 1000;
        List<Delivery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format("msg_bench%08d%s", i, Long.toHexString(ts));
            event.put("id", String.format("pa_bench%08d", i));
            byte[] body = mapper.writeValueAsBytes(event);
            out.add(new Delivery(id, Long.toString(ts), SvixSigner.sign(secret, id, ts, body), body));
        }
        return out;
    }

    String run() throws Exception {
        String secret = SvixSigner.newSecret();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BenchMain.log("webhook: signing %d deliveries", POOL);
        List<Delivery> deliveries = sign(secret, POOL);
        int bodySize = deliveries.get(0).body().length;
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("bare", "/bench/bare");
        paths.put("naive", "/bench/naive");
        paths.put("events", "/bench/events");
        Map<String, String> labels = Map.of(
                "bare", "bare platform-http route (answers \"ok\")",
                "naive", "platform-http + naive hand-written Svix check + Jackson tree",
                "events", "recurrente:events (Svix check + dedupe + typed event)");
        Map<String, byte[][]> pools = new LinkedHashMap<>();
        Map<String, AtomicLong> cursors = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : paths.entrySet()) {
            byte[][] pool = new byte[deliveries.size()][];
            for (int i = 0; i < pool.length; i++) {
                Delivery d = deliveries.get(i);
                pool[i] = RawHttpLoad.request(
                        "POST",
                        p.getValue(),
                        port,
                        List.of(
                                "Content-Type: application/json",
                                "svix-id: " + d.id(),
                                "svix-timestamp: " + d.timestamp(),
                                "svix-signature: " + d.signature()),
                        d.body());
            }
            pools.put(p.getKey(), pool);
            cursors.put(p.getKey(), new AtomicLong());
        }

        Main main = new Main();
        main.addInitialProperty("camel.main.name", "webhook-bench");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.main.shutdown-timeout", "5");
        NaiveSvix naive = new NaiveSvix(secret);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/bench/bare?httpMethodRestrict=POST")
                        .routeId("bare")
                        .setBody(constant("ok"));
                from("platform-http:/bench/naive?httpMethodRestrict=POST")
                        .routeId("naive")
                        .process(naive)
                        .setBody(constant("ok"));
                from("recurrente:events?webhookPath=/bench/events&webhookSecret=RAW(" + secret + ")")
                        .routeId("events")
                        .process(e -> {
                            routed.incrementAndGet();
                            if (!(e.getMessage().getBody() instanceof RecurrenteEvent)) {
                                wrongType.incrementAndGet();
                            }
                        });
            }
        });
        main.start();
        StringBuilder sb = new StringBuilder();
        try {
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            Map<String, List<Double>> wrkRates = new LinkedHashMap<>();
            long unexpected = 0;
            String firstUnexpected = null;
            // short measurements, many rounds: bursts of load from outside this process then hit both members of a
            // pair rather than one of them (the bare route always runs right next to the other two)
            double seconds = Math.max(1.0, cfg.seconds);
            int rounds = 2 * cfg.rounds - 1;
            if (cfg.solo != null && cfg.solo.startsWith("webhook:")) { // profiling aid: webhook:<route>,<seconds>
                String[] p = cfg.solo.substring("webhook:".length()).split(",");
                RawHttpLoad.run(port, pools.get(p[0]), cursors.get(p[0]), cfg.callers, 5, 200, OK);
                Map<String, Long> before = cpuByThreadGroup();
                RawHttpLoad.Result r = RawHttpLoad.run(
                        port, pools.get(p[0]), cursors.get(p[0]), cfg.callers, Double.parseDouble(p[1]), 200, OK);
                Map<String, Long> after = cpuByThreadGroup();
                System.out.printf(
                        "SOLO webhook %s: %.0f req/s, process CPU %.1f µs/request, unexpected %d%n",
                        p[0], r.rate(), r.cpuMicrosPerCall(), r.unexpected());
                after.forEach((group, nanos) -> System.out.printf(
                        "  %-28s %6.1f µs CPU/request%n",
                        group, (nanos - before.getOrDefault(group, 0L)) / 1e3 / Math.max(1, r.count())));
                return "";
            }
            BenchMain.log("webhook: warm-up");
            for (int pass = 0; pass < 2; pass++) {
                for (String k : paths.keySet()) {
                    RawHttpLoad.run(port, pools.get(k), cursors.get(k), cfg.callers, cfg.warmupSeconds, 200, OK);
                }
            }
            List<String> order = new ArrayList<>(paths.keySet());
            for (int round = 0; round < rounds; round++) {
                List<String> pass =
                        round % 2 == 0 ? List.of("naive", "bare", "events") : List.of("events", "bare", "naive");
                for (String k : pass) {
                    RawHttpLoad.Result r =
                            RawHttpLoad.run(port, pools.get(k), cursors.get(k), cfg.callers, seconds, 200, OK);
                    rates.computeIfAbsent(k, x -> new ArrayList<>()).add(r.rate());
                    cpu.computeIfAbsent(k, x -> new ArrayList<>()).add(r.cpuMicrosPerCall());
                    BenchMain.log("webhook %-6s %8.0f req/s  %6.1f µs CPU/request", k, r.rate(), r.cpuMicrosPerCall());
                    unexpected += r.unexpected();
                    if (firstUnexpected == null) {
                        firstUnexpected = r.firstUnexpected();
                    }
                }
                BenchMain.log("webhook: round %d/%d done", round + 1, rounds);
            }
            boolean wrk = Wrk.enabled(cfg);
            if (wrk) {
                Path data = Files.createTempFile("bench-webhook", ".tsv");
                Path script = Files.createTempFile("bench-webhook", ".lua");
                try {
                    StringBuilder tsv = new StringBuilder();
                    for (Delivery d : deliveries) {
                        tsv.append(d.id())
                                .append('\t')
                                .append(d.timestamp())
                                .append('\t')
                                .append(d.signature())
                                .append('\t')
                                .append(new String(d.body(), StandardCharsets.UTF_8))
                                .append('\n');
                    }
                    Files.writeString(data, tsv.toString());
                    Files.writeString(script, LUA);
                    for (int round = 0; round < Math.min(2, cfg.rounds); round++) {
                        for (int i = 0; i < order.size(); i++) {
                            String k = order.get((i + round) % order.size());
                            AtomicLong cursor = cursors.get(k);
                            long start = cursor.get() % POOL;
                            double[] total = new double[1];
                            double rate = runWrk(port, script, data, paths.get(k), start, seconds, total);
                            cursor.addAndGet((long) total[0]);
                            wrkRates.computeIfAbsent(k, x -> new ArrayList<>()).add(rate);
                        }
                    }
                } finally {
                    Files.deleteIfExists(data);
                    Files.deleteIfExists(script);
                }
            }
            sb.append(String.format(
                    "%nPayload: payment_intent.succeeded event, %d bytes, distinct svix-id and event id per"
                            + " request (pool of %d pre-signed deliveries, larger than the dedupe window of 10 000,"
                            + " so every delivery is new); %d keep-alive connections; medians of %d rounds × %.1f s.%n%n",
                    bodySize, POOL, cfg.callers, rounds, seconds));
            sb.append(
                    "| route | req/s, Java loopback generator (spread) | vs bare | process CPU µs/request (server + generator) |");
            sb.append(
                    wrk
                            ? " req/s, wrk -t1 (Lua, pre-signed) | vs bare |\n|---|---:|---:|---:|---:|---:|\n"
                            : "\n|---|---:|---:|---:|\n");
            double bare = Stats.median(rates.get("bare"));
            double bareWrk = wrk ? Stats.median(wrkRates.get("bare")) : Double.NaN;
            for (String k : paths.keySet()) {
                double m = Stats.median(rates.get(k));
                sb.append(String.format(
                        "| %s | %.0f (%s) | %.2f× | %.1f |",
                        labels.get(k), m, Stats.spread(rates.get(k), "%.0f"), m / bare, Stats.median(cpu.get(k))));
                if (wrk) {
                    double w = Stats.median(wrkRates.get(k));
                    sb.append(String.format(" %.0f | %.2f× |", w, w / bareWrk));
                }
                sb.append('\n');
            }
            List<Double> perRound = new ArrayList<>();
            for (int i = 0; i < rates.get("events").size(); i++) {
                perRound.add(rates.get("events").get(i) / rates.get("bare").get(i));
            }
            double ratio = Stats.median(perRound);
            List<Double> cpuPerRound = new ArrayList<>();
            for (int i = 0; i < cpu.get("events").size(); i++) {
                cpuPerRound.add(cpu.get("bare").get(i) / cpu.get("events").get(i));
            }
            sb.append(String.format(
                    "%nGoal recurrente:events ≥ 0.90× bare: %s (median of per-round ratios, %s) %s. Deliveries routed as typed events: %d"
                            + " (wrong type: %d); answers other than \"ok\" (e.g. duplicates): %d%s.%n",
                    Stats.ratio(ratio),
                    Stats.spread(perRound, "%.2f"),
                    cfg.goals.add(
                            "webhook: recurrente:events ≥ 0.90× bare platform-http (median of per-round ratios)",
                            String.format("%s (%s)", Stats.ratio(ratio), Stats.spread(perRound, "%.2f")),
                            ratio >= 0.90),
                    routed.get(),
                    wrongType.get(),
                    unexpected,
                    firstUnexpected == null ? "" : " (first: " + firstUnexpected + ")"));
            sb.append(String.format(
                    "Process CPU per request, bare ÷ recurrente:events (what the throughput ratio would be if"
                            + " CPU were the only limit; less disturbed by load from outside): %s (median of"
                            + " per-round ratios, %s).%n",
                    Stats.ratio(Stats.median(cpuPerRound)), Stats.spread(cpuPerRound, "%.2f")));
            sb.append(WebhookHandlerProbe.run(
                    cfg, secret, deliveries, Stats.median(cpu.get("bare")), Stats.median(cpu.get("events"))));
            if (!wrk) {
                sb.append("No wrk cross-check (wrk not on the PATH, or --no-wrk; optional: apt-get install wrk).\n");
            }
        } finally {
            main.stop();
        }
        return sb.toString();
    }

    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

    private double runWrk(int port, Path script, Path data, String path, long start, double seconds, double[] total)
            throws Exception {
        List<String> cmd = List.of(
                Wrk.path(),
                "-t1",
                "-c" + cfg.callers,
                "-d" + Math.max(1, Math.round(seconds)) + "s",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port,
                "--",
                data.toString(),
                path,
                Long.toString(start));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        if (out.contains("Non-2xx")) {
            BenchMain.log("wrk on %s: %s", path, out.replace('\n', ' '));
        }
        Matcher t = TOTAL.matcher(out);
        total[0] = t.find() ? Double.parseDouble(t.group(1)) : 0;
        Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static final String LUA = """
            local reqs = {}
            local n = 0
            function init(args)
              for line in io.lines(args[1]) do
                local id, ts, sig, body = line:match("^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t(.*)$")
                reqs[#reqs + 1] = wrk.format("POST", args[2], {
                  ["Content-Type"] = "application/json",
                  ["svix-id"] = id, ["svix-timestamp"] = ts, ["svix-signature"] = sig }, body)
              end
              n = tonumber(args[3]) or 0
            end
            function request()
              n = n + 1
              if n > #reqs then n = 1 end
              return reqs[n]
            end
            """;

    /** What a developer writes by hand in a route: new Mac per call, String body, string compare, Jackson tree. */
    static final class NaiveSvix implements org.apache.camel.Processor {
        private final byte[] key;
        private final ObjectMapper mapper = new ObjectMapper();

        NaiveSvix(String secret) {
            this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            String body = exchange.getMessage().getBody(String.class);
            String id = exchange.getMessage().getHeader("svix-id", String.class);
            String ts = exchange.getMessage().getHeader("svix-timestamp", String.class);
            String sig = exchange.getMessage().getHeader("svix-signature", String.class);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
            boolean ok = false;
            for (String s : sig.split(" ")) {
                ok |= MessageDigest.isEqual(
                        s.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
            }
            if (!ok) {
                throw new IllegalStateException("bad signature");
            }
            JsonNode event = mapper.readTree(body);
            exchange.getMessage()
                    .setHeader("eventType", event.path("event_type").asText());
        }
    }

    /** CPU time of the live threads so far, by name without trailing digits (a profiling aid for --solo). */
    private static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null) {
                long cpu = mx.getThreadCpuTime(t.getThreadId());
                if (cpu > 0) {
                    out.merge(t.getThreadName().replaceAll("[-#\\s]*\\d+$", ""), cpu, Long::sum);
                }
            }
        }
        return out;
    }
}
