package io.github.camelrecurrente.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;

/**
 * Producer comparison: getCheckout and createCheckout through every contender against one server, sequential and N
 * callers, interleaved rounds, medians.
 */
final class ProducerBench {

    static final String GET = "getCheckout";
    static final String CREATE = "createCheckout";

    static final String HC5 = "hc5";
    static final String JDK = "jdk";
    static final String CAMEL_HTTP = "camel-http";
    static final String CAMEL_HTTP_ENUM = "camel-http-enum";
    static final String RECURRENTE = "recurrente";
    static final String RECURRENTE_NO_ROUTE = "recurrente-endpoint";

    private final BenchMain.Config cfg;
    private final String serverName;
    private final String base;
    private final String key;
    private final String checkoutId;
    /** client -> op -> threads -> results per round. */
    final Map<String, Map<String, Map<Integer, List<LoadRunner.Result>>>> results = new LinkedHashMap<>();

    final Map<String, String> names = new LinkedHashMap<>();

    /** true: only the four main contenders (used for the second server, to keep the run short). */
    private final boolean reduced;

    ProducerBench(
            BenchMain.Config cfg, String serverName, String base, String key, String checkoutId, boolean reduced) {
        this.reduced = reduced;
        this.cfg = cfg;
        this.serverName = serverName;
        this.base = base;
        this.key = key;
        this.checkoutId = checkoutId;
    }

    static CheckoutRequest sampleRequest() {
        return CheckoutRequest.of(new CheckoutItem()
                        .name("Suscripción mensual, plan básico")
                        .currency("GTQ")
                        .amountInCents(15000L)
                        .quantity(1))
                .successUrl("https://tienda.example.com/gracias")
                .cancelUrl("https://tienda.example.com/carrito")
                .putMetadata("order_id", "ORD-2026-000123")
                .putMetadata("channel", "web");
    }

    /** The second server gets at most 3 rounds, to keep the whole program near 5 minutes. */
    private int rounds() {
        return reduced ? Math.min(3, cfg.rounds) : cfg.rounds;
    }

    private Map<String, Clients.Client> createClients(Clients.CamelRoutes routes) {
        Map<String, Clients.Client> clients = new LinkedHashMap<>();
        clients.put(HC5, new Clients.HandWrittenHc5(base, key));
        clients.put(JDK, new Clients.RawJdk(base, key));
        clients.put(
                CAMEL_HTTP,
                new Clients.CamelClient(
                        "Camel route direct → http → unmarshal json",
                        routes,
                        "direct:camelHttpGet",
                        "direct:camelHttpCreate"));
        if (!reduced) {
            clients.put(
                    CAMEL_HTTP_ENUM,
                    new Clients.CamelClient(
                            "same camel-http route, CamelHttpMethod as HttpMethods enum",
                            routes,
                            "direct:camelHttpEnumGet",
                            "direct:camelHttpEnumCreate"));
        }
        clients.put(
                RECURRENTE,
                new Clients.CamelClient(
                        "recurrente: (route direct → recurrente:)",
                        routes,
                        "direct:recurrenteGet",
                        "direct:recurrenteCreate"));
        if (!reduced) {
            clients.put(
                    RECURRENTE_NO_ROUTE,
                    new Clients.CamelClient(
                            "recurrente: (ProducerTemplate → endpoint, no route)",
                            routes,
                            "recurrente:getCheckout",
                            "recurrente:createCheckout"));
        }
        return clients;
    }

    /** Profiling aid: one client, one op, for a long time (run the JVM with -XX:StartFlightRecording). */
    void solo(String client, String op, int threads, double seconds) throws Exception {
        CheckoutRequest request = sampleRequest();
        try (Clients.CamelRoutes routes = new Clients.CamelRoutes(base, key)) {
            Map<String, Clients.Client> clients = createClients(routes);
            try {
                Clients.Client c = clients.get(client);
                check(c, request);
                measure(c, op, threads, Math.min(3, seconds / 3), request);
                LoadRunner.Result r = measure(c, op, threads, seconds, request);
                System.out.printf(
                        "SOLO %s %s threads=%d: %.0f req/s, p50 %.0f µs, alloc %.1f KB/call, process CPU %.1f µs/call, caller CPU %.1f µs/call%n",
                        client,
                        op,
                        threads,
                        r.rate(),
                        r.p50Micros(),
                        r.allocBytesPerCall() / 1024,
                        r.cpuMicrosPerCall(),
                        r.callerCpuMicrosPerCall());
            } finally {
                for (Clients.Client c : clients.values()) {
                    c.close();
                }
            }
        }
    }

    void run() throws Exception {
        CheckoutRequest request = sampleRequest();
        try (Clients.CamelRoutes routes = new Clients.CamelRoutes(base, key)) {
            Map<String, Clients.Client> clients = createClients(routes);
            try {
                for (Map.Entry<String, Clients.Client> e : clients.entrySet()) {
                    names.put(e.getKey(), e.getValue().name());
                    check(e.getValue(), request);
                }
                List<String> ops = List.of(GET, CREATE);
                int[] modes = {1, cfg.callers};
                // warm-up
                BenchMain.log("producer/%s: warm-up %.1f s per client and op", serverName, cfg.warmupSeconds);
                double warm = reduced ? cfg.warmupSeconds / 2 : cfg.warmupSeconds; // the JIT is warm already
                for (String op : ops) {
                    for (Clients.Client c : clients.values()) {
                        measure(c, op, cfg.callers, warm * 0.6, request);
                        measure(c, op, 1, warm * 0.4, request);
                    }
                }
                List<String> order = new ArrayList<>(clients.keySet());
                for (int round = 0; round < rounds(); round++) {
                    for (int threads : modes) {
                        for (String op : ops) {
                            for (int i = 0; i < order.size(); i++) {
                                String id = order.get((i + round) % order.size());
                                LoadRunner.Result r = measure(clients.get(id), op, threads, cfg.seconds, request);
                                results.computeIfAbsent(id, k -> new LinkedHashMap<>())
                                        .computeIfAbsent(op, k -> new LinkedHashMap<>())
                                        .computeIfAbsent(threads, k -> new ArrayList<>())
                                        .add(r);
                            }
                        }
                    }
                    BenchMain.log("producer/%s: round %d/%d done", serverName, round + 1, rounds());
                }
            } finally {
                for (Clients.Client c : clients.values()) {
                    c.close();
                }
            }
        }
    }

    private void check(Clients.Client c, CheckoutRequest request) throws Exception {
        Checkout got = c.get(checkoutId);
        if (got == null || !checkoutId.equals(got.getId())) {
            throw new IllegalStateException(c.name() + " returned " + got + " for " + checkoutId);
        }
        Checkout created = c.create(request);
        if (created == null || created.getId() == null) {
            throw new IllegalStateException(c.name() + " created " + created);
        }
    }

    private LoadRunner.Result measure(Clients.Client c, String op, int threads, double seconds, CheckoutRequest request)
            throws InterruptedException {
        LoadRunner.Call call = GET.equals(op) ? seq -> c.get(checkoutId) : seq -> c.create(request);
        LoadRunner.Result r = LoadRunner.run(call, threads, seconds);
        if (r.error() != null) {
            throw new IllegalStateException(c.name() + " " + op + " failed", r.error());
        }
        return r;
    }

    List<LoadRunner.Result> get(String client, String op, int threads) {
        return results.getOrDefault(client, Map.of()).getOrDefault(op, Map.of()).getOrDefault(threads, List.of());
    }

    double medianRate(String client, String op, int threads) {
        return Stats.median(
                get(client, op, threads).stream().map(LoadRunner.Result::rate).toList());
    }

    double medianP50(String client, String op) {
        return Stats.median(
                get(client, op, 1).stream().map(LoadRunner.Result::p50Micros).toList());
    }

    double medianP99(String client, String op) {
        return Stats.median(
                get(client, op, 1).stream().map(LoadRunner.Result::p99Micros).toList());
    }

    double medianAlloc(String client, String op) {
        return Stats.median(get(client, op, 1).stream()
                .map(LoadRunner.Result::allocBytesPerCall)
                .toList());
    }

    double medianCpu(String client, String op, int threads) {
        return Stats.median(get(client, op, threads).stream()
                .map(LoadRunner.Result::cpuMicrosPerCall)
                .toList());
    }

    double medianCallerCpu(String client, String op) {
        return Stats.median(get(client, op, 1).stream()
                .map(LoadRunner.Result::callerCpuMicrosPerCall)
                .toList());
    }

    String spread(String client, String op, int threads) {
        return Stats.spread(
                get(client, op, threads).stream().map(LoadRunner.Result::rate).toList(), "%.0f");
    }

    /** Markdown report of this server's results. */
    String report() {
        StringBuilder sb = new StringBuilder();
        int n = cfg.callers;
        for (String op : List.of(GET, CREATE)) {
            sb.append(String.format(
                    "%n#### %s, server: %s (medians of %d rounds × %.1f s; spread min–max)%n%n",
                    op, serverName, rounds(), cfg.seconds));
            sb.append(String.format(
                    "| client | sequential req/s | p50 µs | p99 µs | caller-thread alloc/call | caller-thread CPU µs/call | process CPU µs/call (seq) | %d callers req/s | process CPU µs/call (%d) |%n",
                    n, n));
            sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (String c : results.keySet()) {
                sb.append(String.format(
                        "| %s | %.0f (%s) | %.0f | %.0f | %.1f KB | %.0f | %.0f | %.0f (%s) | %.0f |%n",
                        names.get(c),
                        medianRate(c, op, 1),
                        spread(c, op, 1),
                        medianP50(c, op),
                        medianP99(c, op),
                        medianAlloc(c, op) / 1024.0,
                        medianCallerCpu(c, op),
                        medianCpu(c, op, 1),
                        medianRate(c, op, n),
                        spread(c, op, n),
                        medianCpu(c, op, n)));
            }
            sb.append('\n');
            sb.append(String.format(
                    "| ratio (%s): median of per-round ratios (min–max) | sequential | %d callers | goal |%n", op, n));
            sb.append("|---|---:|---:|---|\n");
            ratio(sb, op, RECURRENTE, HC5, "recurrente: / hand-written HC5", "≥ 0.90");
            ratio(sb, op, RECURRENTE, CAMEL_HTTP, "recurrente: / camel-http route", "≥ 1.40");
            if (!reduced) {
                ratio(sb, op, RECURRENTE_NO_ROUTE, HC5, "recurrente: endpoint (no route) / HC5", "(info)");
                ratio(sb, op, RECURRENTE, CAMEL_HTTP_ENUM, "recurrente: / camel-http route with enum method", "(info)");
                ratio(sb, op, CAMEL_HTTP_ENUM, HC5, "camel-http route with enum method / HC5", "(info)");
            }
            ratio(sb, op, CAMEL_HTTP, HC5, "camel-http route / HC5", "(info)");
            ratio(sb, op, JDK, HC5, "raw JDK / HC5", "(info)");
            if (Clients.RawJdk.RETRIES.get() > 0) {
                sb.append(String.format(
                        "%nThe raw JDK client retried %d calls once so far (a pooled connection closed under"
                                + " it; see Clients.RawJdk).%n",
                        Clients.RawJdk.RETRIES.get()));
            }
            double overhead = (1e6 / medianRate(CAMEL_HTTP, op, 1)) - (1e6 / medianRate(HC5, op, 1));
            double ours = (1e6 / medianRate(RECURRENTE, op, 1)) - (1e6 / medianRate(HC5, op, 1));
            sb.append(String.format(
                    "%nPer-call cost over the hand-written client (sequential, from the medians): camel-http"
                            + " route %+.1f µs, recurrente: route %+.1f µs.%n",
                    overhead, ours));
        }
        return sb.toString();
    }

    /** Per-round ratios (contenders of one round ran back to back, so slow drifts of the machine cancel out). */
    private List<Double> roundRatios(String a, String b, String op, int threads) {
        List<LoadRunner.Result> ra = get(a, op, threads);
        List<LoadRunner.Result> rb = get(b, op, threads);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < Math.min(ra.size(), rb.size()); i++) {
            out.add(ra.get(i).rate() / rb.get(i).rate());
        }
        return out;
    }

    private void ratio(StringBuilder sb, String op, String a, String b, String label, String goal) {
        int n = cfg.callers;
        List<Double> seqRatios = roundRatios(a, b, op, 1);
        List<Double> parRatios = roundRatios(a, b, op, n);
        double seq = Stats.median(seqRatios);
        double par = Stats.median(parRatios);
        String verdict = "";
        if (goal.startsWith("≥")) {
            double g = Double.parseDouble(goal.substring(2));
            verdict = " "
                    + cfg.goals.add(
                            String.format(
                                    "producer %s, %s server: %s %s× (sequential and %d callers)",
                                    op, serverName.split(" ")[0], label, goal, n),
                            String.format("%s / %s", Stats.ratio(seq), Stats.ratio(par)),
                            seq >= g && par >= g);
        }
        sb.append(String.format(
                "| %s | %s (%s) | %s (%s) | %s%s |%n",
                label,
                Stats.ratio(seq),
                Stats.spread(seqRatios, "%.2f"),
                Stats.ratio(par),
                Stats.spread(parRatios, "%.2f"),
                goal,
                verdict));
    }
}
