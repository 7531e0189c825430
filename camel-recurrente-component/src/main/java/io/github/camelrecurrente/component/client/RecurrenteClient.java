package io.github.camelrecurrente.component.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.paging.PageInfo;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client of one endpoint configuration: the account's keys and the retry rule over an Apache HttpClient 5
 * (chosen over the JDK client by measurement: about twice the requests per second on loopback), which is a lease of
 * the component's shared {@link ConnectionPools} or an application's own client ({@link HttpTransport}):
 * <ul>
 * <li>429 is retried for every operation (the request was not processed), after Retry-After, bounded;</li>
 * <li>5xx and I/O errors are retried only for safe or idempotent calls; POST creates never;</li>
 * <li>a Retry-After above {@code maxRetryAfter} is never slept on: the call fails at once with the wait in its
 * {@link ApiErrorException}, for the caller's redelivery (Camel's error handler) to honour.</li>
 * </ul>
 * Error answers become {@link ApiErrorException}. Keys are never logged or printed.
 */
public class RecurrenteClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(RecurrenteClient.class);

    private final ClientSettings settings;
    private final String baseUrl;
    private final HttpTransport transport;
    private final CloseableHttpClient http;
    /** Per call: the response timeout (a shared pool serves endpoints with different ones); null for a user's client. */
    private final RequestConfig requestConfig;

    private final ApiErrorParser errorParser = new ApiErrorParser(RecurrenteJson.mapper());
    private volatile ApiCallListener listener = ApiCallListener.NONE;

    /** A client with a connection pool of its own, closed with it. */
    public RecurrenteClient(ClientSettings settings) {
        this(settings, ConnectionPools.privatePool(settings));
    }

    /**
     * A client sending through the given transport: a lease of its component's {@link ConnectionPools}, or an
     * application's own HttpClient ({@link HttpTransport#external}), whose own timeouts then apply.
     */
    public RecurrenteClient(ClientSettings settings, HttpTransport transport) {
        this.settings = settings;
        String base = settings.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.transport = transport;
        this.http = transport.http();
        this.requestConfig = transport.isExternal()
                ? null
                : RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMillis()))
                        .build();
    }

    public ClientSettings settings() {
        return settings;
    }

    /**
     * The listener told about every call (metrics, dev console); {@link ApiCallListener#NONE} by default.
     */
    public void setListener(ApiCallListener listener) {
        this.listener = listener == null ? ApiCallListener.NONE : listener;
    }

    /**
     * Sends the request, retrying as the rule allows, and returns a 2xx answer.
     *
     * @throws ApiErrorException on an error answer
     * @throws IOException       on a network error that may not (or no longer) be retried
     */
    public ApiResponse execute(ApiRequest request) throws IOException {
        ApiCallListener l = listener;
        long start = System.nanoTime();
        try {
            ApiResponse response = executeWithRetries(request, l);
            l.callCompleted(request.operation(), response.status(), null, System.nanoTime() - start);
            return response;
        } catch (ApiErrorException e) {
            l.callCompleted(request.operation(), e.getStatusCode(), e, System.nanoTime() - start);
            throw e;
        } catch (IOException | RuntimeException e) {
            l.callCompleted(request.operation(), 0, e, System.nanoTime() - start);
            throw e;
        }
    }

    private ApiResponse executeWithRetries(ApiRequest request, ApiCallListener l) throws IOException {
        int rateLimitRetries = 0;
        int serverRetries = 0;
        long backoff = Math.max(1, settings.retryDelayMillis());
        while (true) {
            boolean underCap = rateLimitRetries + serverRetries < settings.maxRetries();
            ApiResponse response;
            try {
                response = send(request);
            } catch (IOException e) {
                if (e instanceof InterruptedIOException
                        && Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (request.retrySafe() && serverRetries < settings.serverErrorRetries() && underCap) {
                    serverRetries++;
                    LOG.debug(
                            "{} {} {} failed ({}), retry {} in {} ms",
                            request.operation(),
                            request.method(),
                            request.path(),
                            e.getClass().getSimpleName(),
                            serverRetries,
                            backoff);
                    l.retrying(request.operation(), RetryReason.IO_ERROR, rateLimitRetries + serverRetries, backoff);
                    pause(backoff);
                    backoff *= 2;
                    continue;
                }
                giveUp(request, rateLimitRetries + serverRetries, e.getClass().getSimpleName());
                throw e;
            }
            if (response.isSuccess()) {
                return response;
            }
            int status = response.status();
            Duration retryAfter = ApiErrorParser.parseRetryAfter(response.retryAfter());
            if (retryAfter != null) {
                l.retryAfterSeen(request.operation(), retryAfter);
            }
            if (status == 429 && rateLimitRetries < settings.rateLimitRetries() && underCap) {
                long wait = retryAfter != null ? retryAfter.toMillis() : backoff;
                if (wait <= settings.maxRetryAfterMillis()) {
                    rateLimitRetries++;
                    LOG.debug(
                            "{} {} {} rate limited (429), retry {} in {} ms",
                            request.operation(),
                            request.method(),
                            request.path(),
                            rateLimitRetries,
                            wait);
                    l.retrying(request.operation(), RetryReason.RATE_LIMITED, rateLimitRetries + serverRetries, wait);
                    pause(wait);
                    if (retryAfter == null) {
                        backoff *= 2;
                    }
                    continue;
                }
                LOG.warn(
                        "Recurrente {}: giving up on 429, the wait of {} ms is above maxRetryAfter",
                        request.operation(),
                        wait);
            } else if (status >= 500
                    && request.retrySafe()
                    && serverRetries < settings.serverErrorRetries()
                    && underCap
                    && (retryAfter == null || retryAfter.toMillis() <= settings.maxRetryAfterMillis())) {
                serverRetries++;
                long wait = retryAfter != null ? retryAfter.toMillis() : backoff;
                LOG.debug(
                        "{} {} {} answered {}, retry {} in {} ms",
                        request.operation(),
                        request.method(),
                        request.path(),
                        status,
                        serverRetries,
                        wait);
                l.retrying(request.operation(), RetryReason.SERVER_ERROR, rateLimitRetries + serverRetries, wait);
                pause(wait);
                backoff *= 2;
                continue;
            } else if (status == 429 || status >= 500) {
                giveUp(request, rateLimitRetries + serverRetries, "status " + status);
            }
            throw errorParser.toException(request, response);
        }
    }

    /** A retryable failure is final: WARN once the client had retried (else the caller or Camel decides). */
    private static void giveUp(ApiRequest request, int retries, String what) {
        if (retries > 0) {
            LOG.warn("Recurrente {}: giving up after {} retries, last answer {}", request.operation(), retries, what);
        }
    }

    private ApiResponse send(ApiRequest request) throws IOException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), URI.create(uri(request)));
        http.setHeader("Accept", "application/json");
        http.setHeader("X-SECRET-KEY", settings.secretKey());
        if (settings.publicKey() != null && !settings.publicKey().isBlank()) {
            http.setHeader("X-PUBLIC-KEY", settings.publicKey());
        }
        if (request.idempotencyKey() != null) {
            http.setHeader("Idempotency-Key", request.idempotencyKey());
        }
        if (request.body() != null) {
            http.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
        }
        if (requestConfig != null) {
            http.setConfig(requestConfig);
        }
        return this.http.execute(http, RecurrenteClient::toResponse);
    }

    private static ApiResponse toResponse(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        PageInfo page = PageInfo.of(
                header(response, "Current-Page"),
                header(response, "Page-Items"),
                header(response, "Total-Pages"),
                header(response, "Total-Count"),
                header(response, "Link"));
        return new ApiResponse(response.getCode(), body, header(response, "Retry-After"), page);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private String uri(ApiRequest request) {
        StringBuilder sb = new StringBuilder(baseUrl.length() + request.path().length() + 32)
                .append(baseUrl)
                .append(request.path());
        Map<String, String> query = request.query();
        if (query != null && !query.isEmpty()) {
            char sep = '?';
            for (Map.Entry<String, String> e : query.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                sb.append(sep)
                        .append(ApiOperation.encode(e.getKey()))
                        .append('=')
                        .append(ApiOperation.encode(e.getValue()));
                sep = '&';
            }
        }
        return sb.toString();
    }

    private static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry a Recurrente API call");
        }
    }

    /** Gives the connection pool lease back (or closes the private pool); an application's own client stays open. */
    @Override
    public void close() {
        transport.release();
    }

    @Override
    public String toString() {
        return "RecurrenteClient[" + baseUrl + "]";
    }
}
