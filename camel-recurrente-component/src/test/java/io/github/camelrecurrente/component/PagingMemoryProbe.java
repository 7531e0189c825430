package io.github.camelrecurrente.component;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelrecurrente.component.model.Checkout;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Streams every checkout of an account through {@code split(body()).streaming()} over
 * {@code listCheckouts?allPages=true} and prints how many it saw and the peak heap. Run in its own small-heap JVM
 * by {@link LargeListStreamingTest} and by the paging benchmark of camel-recurrente-bench (through this module's
 * test-jar); usable by hand: args baseUrl secretKey.
 */
public final class PagingMemoryProbe {

    private PagingMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String secretKey = args[1];
        AtomicLong count = new AtomicLong();
        AtomicLong wrongType = new AtomicLong();
        long millis;
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("recurrente", RecurrenteComponent.class)
                    .getConfiguration()
                    .setBaseUrl(baseUrl);
            context.getComponent("recurrente", RecurrenteComponent.class)
                    .getConfiguration()
                    .setSecretKey(secretKey);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:all")
                            .to("recurrente:listCheckouts?allPages=true&items=100")
                            .split(body())
                            .streaming()
                            .process(e -> {
                                if (e.getMessage().getBody() instanceof Checkout) {
                                    count.incrementAndGet();
                                } else {
                                    wrongType.incrementAndGet();
                                }
                            });
                }
            });
            context.start();
            long t0 = System.nanoTime();
            context.createProducerTemplate().sendBody("direct:all", null);
            millis = (System.nanoTime() - t0) / 1_000_000;
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("COUNT=" + count.get());
        System.out.println("WRONG_TYPE=" + wrongType.get());
        System.out.println("MILLIS=" + millis);
        System.out.println("PEAK_HEAP_BYTES=" + peak);
        System.out.println("MAX_HEAP_BYTES=" + Runtime.getRuntime().maxMemory());
    }
}
