package io.github.camelrecurrente.component.client;

import java.util.HashMap;
import java.util.Map;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The connection pools of one component: one pooled Apache HttpClient 5 per base URL (and connect timeout and pool
 * size), shared by every endpoint, producer, polling consumer and credentials check that calls that URL, instead of
 * one pool per endpoint. Reference counted: a pool is closed when the last client that leased it closes, and every
 * pool when the component stops. Keys and request timeouts are per request, so endpoints of several accounts share
 * a pool too.
 */
public final class ConnectionPools implements AutoCloseable {

    private static final String USER_AGENT = "camel-recurrente";

    /** What makes two clients share a pool. */
    record PoolKey(String baseUrl, long connectTimeoutMillis, int maxConnections) {}

    private static final class Pool {
        final PoolingHttpClientConnectionManager connections;
        final CloseableHttpClient http;
        int leases;

        Pool(PoolKey key) {
            Timeout connect = Timeout.ofMilliseconds(key.connectTimeoutMillis());
            connections = PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(key.maxConnections())
                    .setMaxConnPerRoute(key.maxConnections())
                    .setDefaultSocketConfig(
                            SocketConfig.custom().setTcpNoDelay(true).build())
                    .setDefaultConnectionConfig(
                            ConnectionConfig.custom().setConnectTimeout(connect).build())
                    .build();
            http = HttpClients.custom()
                    .setConnectionManager(connections)
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableRedirectHandling()
                    .disableAuthCaching()
                    .setUserAgent(USER_AGENT)
                    .build();
        }

        void close() {
            http.close(CloseMode.GRACEFUL);
            connections.close(CloseMode.GRACEFUL);
        }
    }

    private final Map<PoolKey, Pool> pools = new HashMap<>();

    /** A lease of the pool for these settings' base URL, connect timeout and pool size; release it by closing the client. */
    public synchronized HttpTransport acquire(ClientSettings settings) {
        PoolKey key = key(settings);
        Pool pool = pools.computeIfAbsent(key, Pool::new);
        pool.leases++;
        boolean[] released = new boolean[1];
        return HttpTransport.of(pool.http, () -> release(key, pool, released));
    }

    private synchronized void release(PoolKey key, Pool pool, boolean[] released) {
        if (released[0]) {
            return;
        }
        released[0] = true;
        if (--pool.leases == 0 && pools.get(key) == pool) {
            pools.remove(key);
            pool.close();
        }
    }

    /** A pool of its own for one client (a client built without a component), closed with that client. */
    public static HttpTransport privatePool(ClientSettings settings) {
        Pool pool = new Pool(key(settings));
        return HttpTransport.of(pool.http, pool::close);
    }

    private static PoolKey key(ClientSettings settings) {
        String base = settings.baseUrl();
        if (base != null && base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new PoolKey(base, settings.connectTimeoutMillis(), settings.maxConnections());
    }

    /** How many pools are open (for tests and the dev console). */
    public synchronized int size() {
        return pools.size();
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(Pool::close);
        pools.clear();
    }
}
