package io.github.camelrecurrente.examples.operator;

import java.util.List;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.SessionHandler;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The platform-http engine of the {@code ops-http} component: the same Vert.x consumer as {@code platform-http},
 * attached to the operator server's router (its own port, {@code examples.ops.host}:{@code examples.ops.port}) rather
 * than to the public server's, with the session of Vert.x Web's {@link SessionHandler} (installed on the router by
 * {@link OperatorSessions#install}) handed to the exchange as {@link OperatorGuard#REQUEST_SESSION}, and every route's processor behind the {@link OperatorGuard}. Unlike
 * Camel's own engine it does not register itself as the registry's default engine, so {@code platform-http:} routes
 * (the webhook) stay on the public server.
 */
public final class OperatorHttpEngine extends ServiceSupport implements PlatformHttpEngine {

    private final VertxPlatformHttpServer server;
    /** The Vert.x router of the operator server: the consumers attach to it. */
    private final String routerName;

    private final OperatorGuard guard;

    /** @param configuredPort the operator server's configured port ({@code examples.ops.port}): names its router */
    public OperatorHttpEngine(VertxPlatformHttpServer server, int configuredPort, OperatorGuard guard) {
        this.server = server;
        this.routerName = VertxPlatformHttpRouter.getRouterNameFromPort(configuredPort);
        this.guard = guard;
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new VertxPlatformHttpConsumer(
                endpoint, guard.protect(endpoint.getPath(), processor), List.of(), routerName) {
            @Override
            protected Future<Void> processHttpRequest(Exchange exchange, RoutingContext ctx) {
                // a supplier: asking Vert.x for the session marks it used, and a used session gets a cookie
                exchange.setProperty(OperatorGuard.REQUEST_SESSION, (Supplier<Session>) ctx::session);
                return super.processHttpRequest(exchange, ctx);
            }
        };
    }

    @Override
    public int getServerPort() {
        return server.getPort();
    }
}
