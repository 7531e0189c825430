package io.github.camelrecurrente.bench;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.Checkout;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Where the camel-http route's per-exchange cost goes, without any network: CPU time and allocation per exchange of
 * the pieces that route runs, measured on one thread (thread CPU time, so other load on the machine matters less).
 */
final class CamelOverhead {

    private CamelOverhead() {}

    static String run(BenchMain.Config cfg, byte[] checkoutJson) throws Exception {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("direct:noop", "ProducerTemplate → direct: → one processor (Camel's own per-exchange floor)");
        labels.put(
                "direct:methodString",
                "… + setHeader(CamelHttpMethod, constant(\"GET\")) read back as HttpMethods"
                        + " (what HttpProducer does with it)");
        labels.put(
                "direct:methodEnum",
                "… + setHeader(CamelHttpMethod, constant(HttpMethods.GET)) read back the same way");
        labels.put(
                "direct:path", "… + setHeader(CamelHttpPath, simple(\"/api/checkouts/${header.CamelRecurrenteId}\"))");
        labels.put(
                "direct:unmarshalStream",
                "… + unmarshal(JacksonDataFormat → Checkout) of the 1 KB answer from an"
                        + " InputStream (as camel-http hands it over)");
        labels.put(
                "reader",
                "ObjectReader.readValue(byte[]) → Checkout alone (what recurrente: and the hand-written"
                        + " client do)");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        try (CamelContext ctx = new DefaultCamelContext()) {
            JacksonDataFormat json = new JacksonDataFormat(Clients.MAPPER, Checkout.class);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:noop").process(e -> e.getMessage().setHeader("x", 1));
                    from("direct:methodString")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .process(e -> e.getMessage().getHeader(Exchange.HTTP_METHOD, HttpMethods.class));
                    from("direct:methodEnum")
                            .setHeader(Exchange.HTTP_METHOD, constant(HttpMethods.GET))
                            .process(e -> e.getMessage().getHeader(Exchange.HTTP_METHOD, HttpMethods.class));
                    from("direct:path")
                            .setHeader(Exchange.HTTP_PATH, simple("/api/checkouts/${header.CamelRecurrenteId}"));
                    from("direct:unmarshalStream")
                            .process(e -> e.getMessage().setBody(new ByteArrayInputStream(checkoutJson)))
                            .unmarshal(json);
                }
            });
            ctx.start();
            ProducerTemplate t = ctx.createProducerTemplate();
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            int rounds = Math.max(2, Math.min(3, cfg.rounds));
            for (int round = -1; round < rounds; round++) { // round -1: warm-up
                for (String key : labels.keySet()) {
                    Endpoint ep = key.startsWith("direct:") ? ctx.getEndpoint(key) : null;
                    long end = System.nanoTime() + (long) ((round < 0 ? 1.0 : 0.5) * 1e9);
                    long n = 0;
                    long c0 = mx.getCurrentThreadCpuTime();
                    long a0 = mx.getCurrentThreadAllocatedBytes();
                    while (System.nanoTime() < end) {
                        for (int i = 0; i < 100; i++) {
                            if (ep != null) {
                                t.requestBodyAndHeader(ep, null, "CamelRecurrenteId", "ch_abc");
                            } else {
                                Clients.CHECKOUT_READER.readValue(checkoutJson);
                            }
                        }
                        n += 100;
                    }
                    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n;
                    double alloc = (mx.getCurrentThreadAllocatedBytes() - a0) / (double) n;
                    if (round >= 0) {
                        results.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {cpu, alloc});
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("\n#### Where the camel-http route's per-exchange cost goes (no network; one thread; thread CPU time,"
                + " medians)\n\n| step | CPU µs/exchange | allocated/exchange |\n|---|---:|---:|\n");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            List<double[]> r = results.get(e.getKey());
            sb.append(String.format(
                    "| %s | %.1f | %.1f KB |%n",
                    e.getValue(),
                    Stats.median(r.stream().map(x -> x[0]).toList()),
                    Stats.median(r.stream().map(x -> x[1]).toList()) / 1024));
        }
        return sb.toString();
    }
}
