package io.github.camelrecurrente.component.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelrecurrente.sandbox.webhook.SvixSigner;
import io.github.camelrecurrente.component.RecurrenteEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
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

    @Test
    void handlerCostPerDelivery() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("recurrente.bench"), "benchmark: run with -Drecurrente.bench=true");
        String secret = SvixSigner.newSecret();
        byte[] body = WebhookTestSupport.resource("payment_intent.succeeded.postman-docs.json");
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.start();
            RecurrenteEndpoint ep = ctx.getEndpoint("recurrente:events?webhookSecret=RAW(" + secret + ")",
                    RecurrenteEndpoint.class);
            RecurrenteWebhookHandler handler = ep.getWebhook().createHandler(e -> {
            });
            handler.start();
            int n = 200_000;
            long ts = System.currentTimeMillis() / 1000;
            String[] ids = new String[n];
            String[] sigs = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = "msg_" + i;
                sigs[i] = SvixSigner.sign(secret, ids[i], ts, body);
            }
            for (int round = 0; round < 3; round++) {
                long parse = 0;
                long start = System.nanoTime();
                for (int i = round * (n / 3); i < (round + 1) * (n / 3); i++) {
                    Exchange ex = new DefaultExchange(ctx);
                    ex.getIn().setBody(body);
                    ex.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
                    ex.getIn().setHeader("svix-id", ids[i]);
                    ex.getIn().setHeader("svix-timestamp", Long.toString(ts));
                    ex.getIn().setHeader("svix-signature", sigs[i]);
                    handler.process(ex);
                    assertEquals(200, ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
                }
                long t = System.nanoTime() - start;
                long p0 = System.nanoTime();
                for (int i = 0; i < n / 3; i++) {
                    io.github.camelrecurrente.component.model.event.RecurrenteEvents.parse(body);
                }
                parse = System.nanoTime() - p0;
                long d0 = System.nanoTime();
                for (int i = 0; i < n / 3; i++) {
                    EventParser.parse(body);
                }
                long direct = System.nanoTime() - d0;
                System.out.printf("BENCH handler: %.1f us/delivery (RecurrenteEvents.parse %.1f us, EventParser.parse %.1f us),"
                                  + " body %d bytes%n",
                        t / 1e3 / (n / 3), parse / 1e3 / (n / 3), direct / 1e3 / (n / 3), body.length);
            }
            handler.stop();
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
