package io.github.camelrecurrente.component.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.RecurrenteEndpoint;
import io.github.camelrecurrente.component.RecurrenteOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code recurrente} dev console: per endpoint its operation, API calls and errors per operation, webhook
 * outcomes and polling position. Found like Camel's own consoles (generated service file) where dev consoles are on
 * ({@code camel.main.dev-console-enabled=true}, e.g. {@code /q/dev/recurrente} with camel-platform-http-main).
 * Shows no URI options, key or secret: endpoints are named {@code <component>:<operation>}.
 */
@DevConsole(
        name = "recurrente",
        displayName = "Recurrente",
        description = "Recurrente endpoints: API calls and errors, webhook outcomes, polling position")
public class RecurrenteDevConsole extends AbstractDevConsole {

    public RecurrenteDevConsole() {
        super(
                "camel",
                "recurrente",
                "Recurrente",
                "Recurrente endpoints: API calls and errors, webhook outcomes, polling position");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (RecurrenteEndpoint e : endpoints(getCamelContext())) {
            list.add(new JsonObject(describe(e)));
        }
        root.put("endpoints", list);
        return root;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (RecurrenteEndpoint e : endpoints(getCamelContext())) {
            Map<String, Object> d = describe(e);
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(String.format("%s%n", d.get("endpoint")));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> api = (Map<String, Map<String, Object>>) d.get("api");
            api.forEach((op, s) -> sb.append(String.format(
                    "    API %s: %s calls, %s errors, %s retries, last status %s" + " (%s)%n",
                    op, s.get("calls"), s.get("errors"), s.get("retries"), s.get("lastStatus"), s.get("lastError"))));
            if (d.get("webhook") instanceof Map<?, ?> w) {
                sb.append(String.format(
                        "    Webhook %s: %s; %s consecutive signature failures%n",
                        w.get("path"), w.get("outcomes"), w.get("consecutiveSignatureFailures")));
            }
            if (d.get("polling") instanceof Map<?, ?> p) {
                sb.append(String.format(
                        "    Polling (route %s): position %s, %s polls (%s failed), %s items emitted,"
                                + " lag %s s, last success %s%n",
                        p.get("routeId"),
                        p.get("position"),
                        p.get("polls"),
                        p.get("failedPolls"),
                        p.get("itemsEmitted"),
                        p.get("lagSeconds"),
                        p.get("lastSuccess")));
            }
        }
        return sb.toString();
    }

    static List<RecurrenteEndpoint> endpoints(CamelContext context) {
        List<RecurrenteEndpoint> out = new ArrayList<>();
        if (context != null) {
            for (Endpoint e : context.getEndpoints()) {
                if (e instanceof RecurrenteEndpoint r) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    static Map<String, Object> describe(RecurrenteEndpoint e) {
        EndpointObserver o = e.getObserver();
        RecurrenteOperation op = e.getConfiguration().getOperation();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("endpoint", RecurrenteObservability.of(e.getComponent()).name() + ":" + op);
        d.put("operation", String.valueOf(op));
        d.put("baseUrl", e.getConfiguration().getBaseUrl());
        d.put("calls", o.api().totalCalls());
        d.put("errors", o.api().totalErrors());
        d.put("api", o.api().snapshot());
        if (op == RecurrenteOperation.events) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("path", e.getConfiguration().getWebhookPath());
            w.put("outcomes", o.webhook().snapshot());
            w.put("consecutiveSignatureFailures", o.webhook().consecutiveSignatureFailures());
            w.put(
                    "lastDelivery",
                    o.webhook().lastDelivery() == null
                            ? null
                            : o.webhook().lastDelivery().toString());
            w.put("rejectionLinesLeftOut", o.suppressedRejectionLines());
            d.put("webhook", w);
        }
        if (o.pollRouteId() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("routeId", o.pollRouteId());
            p.putAll(o.poll().snapshot());
            d.put("polling", p);
        }
        return d;
    }
}
