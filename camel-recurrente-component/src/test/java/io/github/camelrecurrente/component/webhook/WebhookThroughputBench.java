package io.github.camelrecurrente.component.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelrecurrente.sandbox.webhook.SvixSigner;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rough throughput of recurrente:events against a bare platform-http route on the same server, with the same client
 * work (signing) for both. Skipped unless {@code -Drecurrente.bench=true}. Prints requests/s and the ratio.
 */
class WebhookThroughputBench {

    @Test
    void throughputAgainstBarePlatformHttp() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("recurrente.bench"), "benchmark: run with -Drecurrente.bench=true");
        String secret = SvixSigner.newSecret();
        int port = AvailablePortFinder.getNextAvailable();
        byte[] body = WebhookTestSupport.resource("payment_intent.succeeded.postman-docs.json");
        try (WebhookTestSupport.App app = WebhookTestSupport.start(port, new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/bare?httpMethodRestrict=POST").setBody(constant("ok"));
                from("recurrente:events?webhookPath=/bench&webhookSecret=RAW(" + secret + ")").setBody(constant("x"));
            }
        })) {
            int threads = Integer.getInteger("recurrente.bench.threads", 8);
            long seconds = Long.getLong("recurrente.bench.seconds", 5);
            run(port, "/bare", secret, body, threads, 2);       // warm-up
            run(port, "/bench", secret, body, threads, 2);
            double bare = run(port, "/bare", secret, body, threads, seconds);
            double events = run(port, "/bench", secret, body, threads, seconds);
            System.out.printf("BENCH bare platform-http: %.0f req/s, recurrente:events: %.0f req/s, ratio %.2f%n",
                    bare, events, events / bare);
        }
    }

    private static double run(int port, String path, String secret, byte[] body, int threads, long seconds)
            throws Exception {
        AtomicLong count = new AtomicLong();
        AtomicLong seq = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> list = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        String id = "msg_bench_" + seq.incrementAndGet() + "_" + System.nanoTime();
                        long ts = System.currentTimeMillis() / 1000;
                        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Content-Type", "application/json")
                                .header("svix-id", id)
                                .header("svix-timestamp", Long.toString(ts))
                                .header("svix-signature", SvixSigner.sign(secret, id, ts, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        HttpResponse<String> r = WebhookTestSupport.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, r.statusCode(), r.body());
                        count.incrementAndGet();
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            });
            th.start();
            list.add(th);
        }
        long start = System.nanoTime();
        for (Thread th : list) {
            th.join();
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(errors.get(0));
        }
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }
}
