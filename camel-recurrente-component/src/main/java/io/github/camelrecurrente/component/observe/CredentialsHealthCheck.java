package io.github.camelrecurrente.component.observe;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.client.ApiErrorException;
import io.github.camelrecurrente.component.client.ClientSettings;
import io.github.camelrecurrente.component.client.ConnectionPools;
import io.github.camelrecurrente.component.client.HttpTransport;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.client.RecurrenteClient;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Producer readiness: are the keys accepted? Calls {@code testCredentials} ({@code GET /test}) at most once per
 * {@code credentialsCheckInterval} and answers the cached result in between, so probing the health endpoint never
 * hammers the API. DOWN only when Recurrente refuses the keys (401/403): a rollout with wrong keys never becomes
 * ready. A Recurrente outage (5xx, no connection, timeout) leaves it UP with {@code api.outage=true} and the reason as
 * details: an outage of the API must not take the application's webhook intake out of its Service nor restart it. A
 * 429 leaves the previous result (the keys were not refused). Never a liveness check. The probe's client makes no
 * retries and has short timeouts, on the component's connection pool, so it neither waits on nor counts in the
 * producers' calls. Shared by every producer with the same base URL and keys.
 */
final class CredentialsHealthCheck extends RecurrenteHealthCheck {

    private static final long PROBE_REQUEST_TIMEOUT = 10_000;

    private final ClientSettings settings;
    private final Function<ClientSettings, HttpTransport> transports;
    private final long intervalMillis;
    private final LongSupplier clock;
    int users;
    private RecurrenteClient client;
    private Probe last;

    /** One probe's result; {@code outage}: the API could not answer (UP all the same: the keys were not refused). */
    record Probe(boolean up, boolean outage, String message, int status, Throwable error, long atMillis) {}

    /** A check whose probe has a connection pool of its own. */
    CredentialsHealthCheck(String id, ClientSettings settings, long intervalMillis, LongSupplier clock) {
        this(id, settings, ConnectionPools::privatePool, intervalMillis, clock);
    }

    /** A check whose probe sends through the transport the function gives (the component's connection pool). */
    CredentialsHealthCheck(
            String id,
            ClientSettings settings,
            Function<ClientSettings, HttpTransport> transports,
            long intervalMillis,
            LongSupplier clock) {
        super(id);
        this.transports = transports;
        this.settings = new ClientSettings(
                settings.baseUrl(),
                settings.publicKey(),
                settings.secretKey(),
                settings.connectTimeoutMillis(), // with maxConnections: the pool it shares with the producers
                Math.min(settings.requestTimeoutMillis(), PROBE_REQUEST_TIMEOUT),
                settings.maxConnections(),
                0,
                0,
                0,
                1,
                0);
        this.intervalMillis = Math.max(0, intervalMillis);
        this.clock = clock;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        boolean[] cached = new boolean[1];
        Probe p = probe(cached);
        builder.detail("base.url", settings.baseUrl());
        builder.detail("key.mode", keyMode(settings.secretKey()));
        builder.detail("checked.at", Instant.ofEpochMilli(p.atMillis()).toString());
        builder.detail("cached", cached[0]);
        builder.detail("interval.ms", intervalMillis);
        if (p.status() > 0) {
            builder.detail(HTTP_RESPONSE_CODE, p.status());
        }
        builder.detail("api.outage", p.outage());
        if (p.outage()) {
            builder.detail("api.outage.reason", p.message());
        }
        if (p.up()) {
            builder.up();
        } else {
            builder.message(p.message());
            if (p.error() != null) {
                builder.error(p.error());
            }
            builder.down();
        }
    }

    /** The cached result while it is younger than the interval, else a new probe. */
    synchronized Probe probe(boolean[] cached) {
        long now = clock.getAsLong();
        if (last != null && now - last.atMillis() < intervalMillis) {
            cached[0] = true;
            return last;
        }
        Probe p = callApi(now);
        if (p.status() == 429 && last != null) {
            // rate limited: the keys were not refused; keep what we knew, try again after the interval
            p = new Probe(last.up(), last.outage(), last.message(), last.status(), last.error(), now);
        }
        last = p;
        return p;
    }

    private Probe callApi(long now) {
        try {
            new RecurrenteApi(client(), "PATCH").call(RecurrenteOperation.testCredentials.spec(), null, null);
            return new Probe(true, false, null, 200, null, now);
        } catch (ApiErrorException e) {
            int status = e.getStatusCode();
            if (status == 401 || status == 403) {
                return new Probe(
                        false,
                        false,
                        "Recurrente refused the API keys (" + status + "): check secretKey/publicKey",
                        status,
                        e,
                        now);
            }
            if (status == 429) {
                return new Probe(true, false, "Recurrente rate-limited the credentials check (429)", status, null, now);
            }
            // an answer that says nothing about the keys (5xx, or a 4xx of a proxy): an outage, not a refusal
            return new Probe(
                    true, true, "Recurrente answered " + status + " to the credentials check", status, null, now);
        } catch (IOException | RuntimeException e) {
            return new Probe(
                    true,
                    true,
                    "Recurrente API not reachable at " + settings.baseUrl() + ": "
                            + e.getClass().getSimpleName(),
                    0,
                    null,
                    now);
        }
    }

    private RecurrenteClient client() {
        if (client == null) {
            client = new RecurrenteClient(settings, transports.apply(settings));
        }
        return client;
    }

    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** {@code live}, {@code test} or {@code unknown}, from the key's documented prefix (never more of the key). */
    static String keyMode(String secretKey) {
        if (secretKey == null) {
            return "unknown";
        }
        return secretKey.startsWith("sk_live_") ? "live" : secretKey.startsWith("sk_test_") ? "test" : "unknown";
    }
}
