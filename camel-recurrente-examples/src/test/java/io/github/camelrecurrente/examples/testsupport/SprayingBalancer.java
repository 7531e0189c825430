package io.github.camelrecurrente.examples.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer in front of the nodes, as the webhook sender sees it: each delivery goes to one node at random, and
 * a share of them to every node at the same moment (a sender retrying while the first attempt is still running). The
 * answer is the best one (2xx if any node answered 2xx); a node that is down counts as 502. It has no health checks on
 * purpose: a killed node keeps receiving its share until it is back.
 */
public final class SprayingBalancer implements AutoCloseable {

    private static final Set<String> FORWARDED = Set.of("svix-id", "svix-timestamp", "svix-signature", "content-type");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    private final List<String> targets;
    private final double bothShare;
    public final AtomicInteger single = new AtomicInteger();
    public final AtomicInteger both = new AtomicInteger();
    public final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    public SprayingBalancer(List<String> targets, double bothShare) throws IOException {
        this.targets = targets;
        this.bothShare = bothShare;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/recurrente/events";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder()
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, v) -> {
                if (FORWARDED.contains(k.toLowerCase())) {
                    b.header(k, v.get(0));
                }
            });
            int status;
            if (ThreadLocalRandom.current().nextDouble() < bothShare) {
                both.incrementAndGet();
                List<CompletableFuture<Integer>> all =
                        targets.stream().map(t -> send(b, t)).toList();
                status = 599;
                for (CompletableFuture<Integer> f : all) {
                    int s = f.join();
                    status = s / 100 == 2 ? s : Math.min(status, s);
                    if (status / 100 == 2) {
                        break;
                    }
                }
                for (CompletableFuture<Integer> f : all) {
                    f.join();
                }
            } else {
                single.incrementAndGet();
                status = send(b, targets.get(ThreadLocalRandom.current().nextInt(targets.size())))
                        .join();
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            ex.sendResponseHeaders(status, -1);
        }
    }

    private CompletableFuture<Integer> send(HttpRequest.Builder b, String target) {
        return client.sendAsync(b.copy().uri(URI.create(target)).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .exceptionally(e -> 502);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
