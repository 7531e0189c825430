package io.github.camelrecurrente.component.observe;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;

import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.client.ApiErrorException;
import io.github.camelrecurrente.component.client.ClientSettings;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import io.github.camelrecurrente.component.client.RecurrenteClient;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Producer readiness: are the keys accepted? Calls {@code testCredentials} ({@code GET /test}) at most once per
 * {@code credentialsCheckInterval} and answers the cached result in between, so probing the health endpoint never
 * hammers the API. DOWN with the reason on 401/403, on a 5xx or when the API cannot be reached; a 429 leaves the
 * previous result (the keys were not refused). The probe has its own small client without retries, so it neither
 * waits on nor counts in the producers' calls. Shared by every producer with the same base URL and keys.
 */
final class CredentialsHealthCheck extends RecurrenteHealthCheck {

    private static final long PROBE_CONNECT_TIMEOUT = 5_000;
    private static final long PROBE_REQUEST_TIMEOUT = 10_000;

    private final ClientSettings settings;
    private final long intervalMillis;
    private final LongSupplier clock;
    int users;
    private RecurrenteClient client;
    private Probe last;

    /** One probe's result. */
    record Probe(boolean up, String message, int status, Throwable error, long atMillis) {}

    CredentialsHealthCheck(String id, ClientSettings settings, long intervalMillis, LongSupplier clock) {
        super(id);
        this.settings = new ClientSettings(
                settings.baseUrl(),
                settings.publicKey(),
                settings.secretKey(),
                Math.min(settings.connectTimeoutMillis(), PROBE_CONNECT_TIMEOUT),
                Math.min(settings.requestTimeoutMillis(), PROBE_REQUEST_TIMEOUT),
                1,
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
            p = new Probe(last.up(), last.message(), last.status(), last.error(), now);
        }
        last = p;
        return p;
    }

    private Probe callApi(long now) {
        try {
            new RecurrenteApi(client(), "PATCH").call(RecurrenteOperation.testCredentials.spec(), null, null);
            return new Probe(true, null, 200, null, now);
        } catch (ApiErrorException e) {
            int status = e.getStatusCode();
            String message;
            if (status == 401 || status == 403) {
                message = "Recurrente refused the API keys (" + status + "): check secretKey/publicKey";
            } else if (status == 429) {
                message = "Recurrente rate-limited the credentials check (429)";
            } else {
                message = "Recurrente answered " + status + " to the credentials check";
            }
            return new Probe(status == 429, message, status, e, now);
        } catch (IOException | RuntimeException e) {
            return new Probe(
                    false,
                    "Recurrente API not reachable at " + settings.baseUrl() + ": "
                            + e.getClass().getSimpleName(),
                    0,
                    e,
                    now);
        }
    }

    private RecurrenteClient client() {
        if (client == null) {
            client = new RecurrenteClient(settings);
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
