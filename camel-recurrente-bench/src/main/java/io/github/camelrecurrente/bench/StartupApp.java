package io.github.camelrecurrente.bench;

import java.lang.management.ManagementFactory;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Child JVM of the startup benchmark: a Camel Main app with the platform-http server and two routes, either with the
 * component ({@code recurrente:events} consumer + a {@code recurrente:getCheckout} producer) or without it (the same
 * routes with a bare platform-http consumer and a no-op step). Args: with|without port. Prints READY and then waits
 * to be stopped.
 */
public final class StartupApp {

    private StartupApp() {}

    public static void main(String[] args) throws Exception {
        boolean lazy = "with-lazy".equals(args[0]);
        boolean with = "with".equals(args[0]) || lazy;
        boolean eventsOnly = "events".equals(args[0]);
        boolean producerOnly = "producer".equals(args[0]);
        String port = args[1];
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "startup-" + args[0]);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", port);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                if (eventsOnly || producerOnly) { // decomposition of "with"
                    if (eventsOnly) {
                        from("recurrente:events?webhookSecret=RAW(whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw)")
                                .routeId("events")
                                .log("${header.CamelRecurrenteEventType}");
                        from("direct:get").routeId("get").setBody(constant("no component"));
                    } else {
                        from("platform-http:/recurrente/events?httpMethodRestrict=POST")
                                .routeId("events")
                                .log("${header.svix-id}");
                        from("direct:get")
                                .routeId("get")
                                .to("recurrente:getCheckout?baseUrl=http://127.0.0.1:9/api&secretKey=sk_test_startup"
                                        + "&serverErrorRetries=0");
                    }
                } else if (with) {
                    from("recurrente:events?webhookSecret=RAW(whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw)")
                            .routeId("events")
                            .log("${header.CamelRecurrenteEventType}");
                    from("direct:get")
                            .routeId("get")
                            .to("recurrente:getCheckout?baseUrl=http://127.0.0.1:9/api&secretKey=sk_test_startup"
                                    + "&serverErrorRetries=0" + (lazy ? "&lazyStartProducer=true" : ""));
                } else {
                    from("platform-http:/recurrente/events?httpMethodRestrict=POST")
                            .routeId("events")
                            .log("${header.svix-id}");
                    from("direct:get").routeId("get").setBody(constant("no component"));
                }
            }
        });
        main.start();
        System.out.println("READY uptime="
                + ManagementFactory.getRuntimeMXBean().getUptime() + " classes="
                + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + " heapUsedMB="
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024)
                + " cpuMs=" + processCpuMillis());
        System.out.flush();
        if (with || producerOnly) {
            // the first producer call (the API address refuses the connection): shows initialisation deferred to it
            long t0 = System.nanoTime();
            try (org.apache.camel.ProducerTemplate t = main.getCamelContext().createProducerTemplate()) {
                t.requestBodyAndHeader("direct:get", null, "CamelRecurrenteId", "ch_startup");
            } catch (Exception expected) {
                // connection refused
            }
            System.out.println("FIRSTCALL millis=" + (System.nanoTime() - t0) / 1_000_000);
            System.out.flush();
        }
        Thread.sleep(120_000); // the parent stops us long before
        main.stop();
    }

    /** CPU time of this JVM so far (all threads, JIT and GC included): less sensitive to other load than wall time. */
    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
    }
}
