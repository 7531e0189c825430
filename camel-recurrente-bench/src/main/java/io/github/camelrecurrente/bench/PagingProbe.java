package io.github.camelrecurrente.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.model.Checkout;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Child JVM of the paging benchmark (run with -Xmx64m): streams every checkout through
 * {@code recurrente:listCheckouts?allPages=true} + {@code split(body()).streaming()} and prints the count, the time
 * and the peak heap. Args: baseUrl secretKey.
 */
public final class PagingProbe {

    private PagingProbe() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong count = new AtomicLong();
        AtomicLong wrongType = new AtomicLong();
        long t0;
        long t1;
        try (CamelContext context = new DefaultCamelContext()) {
            RecurrenteComponent rc = context.getComponent("recurrente", RecurrenteComponent.class);
            rc.getConfiguration().setBaseUrl(args[0]);
            rc.getConfiguration().setSecretKey(args[1]);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:all")
                            .to("recurrente:listCheckouts?allPages=true&items=100")
                            .split(body()).streaming()
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
            t0 = System.nanoTime();
            context.createProducerTemplate().sendBody("direct:all", null);
            t1 = System.nanoTime();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("COUNT=" + count.get());
        System.out.println("WRONG_TYPE=" + wrongType.get());
        System.out.println("MILLIS=" + (t1 - t0) / 1_000_000);
        System.out.println("PEAK_HEAP_BYTES=" + peak);
        System.out.println("MAX_HEAP_BYTES=" + Runtime.getRuntime().maxMemory());
    }
}
