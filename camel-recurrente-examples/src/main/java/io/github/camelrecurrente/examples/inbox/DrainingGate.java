package io.github.camelrecurrente.examples.inbox;

import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful shutdown of the public HTTP server ({@code camel.server.*}). As soon as Camel starts stopping (SIGTERM,
 * Ctrl+C, {@code Main.stop()}), every new request is answered {@code 503 Service Unavailable} with
 * {@code Retry-After}, so the webhook sender (or the load balancer) retries on another node, while the deliveries
 * already in flight finish: Camel's graceful shutdown waits for them up to {@code camel.main.shutdown-timeout}
 * seconds, then the process exits.
 * <p>
 * Without it a stopping node would answer 404 (its routes are gone) or drop the connection; a 503 is what tells every
 * sender "not now, somewhere else". The same holds while a node starts: from the moment its routes start (the HTTP
 * server is already listening) until Camel has started, requests are answered 503 rather than 404.
 */
public final class DrainingGate extends SimpleEventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DrainingGate.class);

    private final int port;
    private volatile boolean draining;
    private volatile boolean started;
    private volatile boolean installed;

    public DrainingGate(int port) {
        this.port = port;
    }

    /** @return true once Camel started stopping */
    public boolean isDraining() {
        return draining;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextRoutesStartingEvent
                || event instanceof CamelEvent.CamelContextStartedEvent
                || event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.CamelContextRoutesStartingEvent starting) {
            install(starting.getContext(), false);
        } else if (event instanceof CamelEvent.CamelContextStartedEvent done) {
            started = true;
            install(done.getContext(), true);
        } else if (event instanceof CamelEvent.CamelContextStoppingEvent) {
            draining = true;
            LOG.info("Stopping: new requests on port {} are answered 503 while in-flight deliveries finish", port);
        }
    }

    /** Installs the handler once; {@code last}: the final chance (Camel started), warn when there is no server. */
    private synchronized void install(CamelContext context, boolean last) {
        if (installed) {
            return;
        }
        VertxPlatformHttpRouter router =
                VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            if (last) {
                LOG.warn("No HTTP server on port {}: graceful 503 answers are not installed", port);
            }
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
        installed = true;
    }

    private void handle(RoutingContext ctx) {
        if (started && !draining) {
            ctx.next();
            return;
        }
        ctx.response()
                .setStatusCode(503)
                .putHeader("Retry-After", "5")
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(draining ? "shutting down, retry later" : "starting, retry later");
    }
}
