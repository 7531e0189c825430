package io.github.camelrecurrente.component.webhook;

import io.github.camelrecurrente.component.RecurrenteEndpoint;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("recurrente:events")} on its own: serves {@code webhookPath} (POST only) on the Camel Platform HTTP
 * server (with Camel Main: camel-platform-http-main and {@code camel.server.*}) and hands every delivery to a
 * {@link RecurrenteWebhookHandler} in front of the route. The answer echoes no header (see
 * {@link WebhookResponseHeaderFilter}). No webhook registration at Recurrente happens in this form;
 * use {@code webhook:recurrente:events?webhookComponentName=platform-http&webhookExternalUrl=...} for that.
 * <p>
 * {@link Suspendable}: on graceful shutdown Camel suspends it (the HTTP consumer stops taking deliveries) and stops it
 * only once the deliveries in flight completed; stopping it at once would stop the route's processors under them.
 */
public class RecurrenteEventsConsumer extends DefaultConsumer implements Suspendable {

    private final RecurrenteWebhook webhook;
    private Consumer delegate;

    public RecurrenteEventsConsumer(RecurrenteEndpoint endpoint, Processor processor, RecurrenteWebhook webhook) {
        super(endpoint, processor);
        this.webhook = webhook;
    }

    @Override
    public RecurrenteEndpoint getEndpoint() {
        return (RecurrenteEndpoint) super.getEndpoint();
    }

    /** The platform-http URI this consumer serves. */
    String platformHttpUri() {
        return "platform-http:" + webhook.normalizedPath() + "?httpMethodRestrict=POST&muteException=true";
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        Endpoint http;
        try {
            http = getEndpoint().getCamelContext().getEndpoint(platformHttpUri());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "recurrente:events needs camel-platform-http with an HTTP server (with Camel Main add"
                            + " camel-platform-http-main and set camel.server.enabled=true): "
                            + e.getMessage(),
                    e);
        }
        if (http instanceof HeaderFilterStrategyAware aware) {
            aware.setHeaderFilterStrategy(new WebhookResponseHeaderFilter(aware.getHeaderFilterStrategy()));
        }
        delegate = http.createConsumer(webhook.createHandler(getProcessor()));
        if (delegate instanceof RouteIdAware r) {
            r.setRouteId(getRouteId());
        }
        ServiceHelper.initService(delegate);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(delegate);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(delegate);
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        ServiceHelper.suspendService(delegate);
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(delegate);
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownService(delegate);
        super.doShutdown();
    }
}
