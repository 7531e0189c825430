package io.github.camelrecurrente.examples.app;

import java.util.Map;
import javax.sql.DataSource;

import io.github.camelrecurrente.examples.inbox.DrainingGate;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The Camel Main application: {@code application.properties}, the YAML routes in {@code classpath:routes/} and the
 * beans of {@link ExamplesConfiguration}. {@link #start(Map)} returns once Camel is started (non-blocking), so the
 * launcher and the tests can drive it.
 */
public final class ExamplesApplication implements AutoCloseable {

    private final Main main;

    private ExamplesApplication(Main main) {
        this.main = main;
    }

    /** Starts Camel with these properties on top of application.properties (they win over it). */
    public static ExamplesApplication start(Map<String, String> overrides) {
        return start(overrides, Map.of());
    }

    /**
     * Starts Camel with these properties on top of application.properties (they win over it) and these beans in its
     * registry (decisions made before Camel starts, e.g. the invoicing mode: beans, so that no environment variable or
     * system property can override them).
     */
    public static ExamplesApplication start(Map<String, String> overrides, Map<String, Object> beans) {
        Main main = new Main();
        main.configure().addConfiguration(ExamplesConfiguration.class);
        overrides.forEach(main::addOverrideProperty);
        beans.forEach(main::bind);
        try {
            main.start();
        } catch (Exception e) {
            try {
                main.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Camel did not start: " + e.getMessage(), e);
        }
        return new ExamplesApplication(main);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** @return the ledger database (bean ledgerDataSource) */
    public DataSource ledger() {
        return context().getRegistry().lookupByNameAndType("ledgerDataSource", DataSource.class);
    }

    public ProducerTemplate producer() {
        return context().createProducerTemplate();
    }

    /**
     * Blocks until the JVM is asked to stop (SIGTERM, Ctrl+C). Camel is stopped gracefully inside the shutdown hook:
     * the JVM waits for its hooks (not for the main thread), so in-flight deliveries get their
     * {@code camel.main.shutdown-timeout} to finish (new requests are answered 503 meanwhile, see
     * {@link DrainingGate}).
     */
    public void awaitShutdown() throws InterruptedException {
        Object lock = new Object();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                close();
                            } finally {
                                synchronized (lock) {
                                    lock.notifyAll();
                                }
                            }
                        },
                        "examples-shutdown"));
        synchronized (lock) {
            lock.wait();
        }
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Camel did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
