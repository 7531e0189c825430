package io.github.camelrecurrente.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fault to inject into API responses: an error status (429 with {@code Retry-After}, 500, 503, ...)
 * or extra latency, for requests whose path matches a regular expression (and optionally a method),
 * a given number of times. Immutable; build with the factories and fluent {@code with...} methods:
 * <pre>{@code
 * sandbox.addFault(Fault.rateLimited(2).onPath("/api/checkouts.*").times(3));
 * sandbox.addFault(Fault.latency(Duration.ofMillis(200)).onMethod("GET"));
 * }</pre>
 *
 * @param status            HTTP status to answer, or 0 for a latency-only fault
 * @param retryAfterSeconds {@code Retry-After} header value in seconds, or -1 for none
 * @param latency           delay before answering (zero for none)
 * @param pathRegex         regular expression the whole request path must match ({@code .*} = any)
 * @param method            HTTP method to match, or {@code null} for any
 * @param times             how many requests to affect; -1 = forever
 */
public record Fault(int status, int retryAfterSeconds, Duration latency, String pathRegex, String method, int times) {

    /** Validates the fields. */
    public Fault {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(pathRegex, "pathRegex");
        Pattern.compile(pathRegex);
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException(
                    "Fault status must be 0 (latency only) or an HTTP status, got " + status);
        }
        if (times == 0 || times < -1) {
            throw new IllegalArgumentException("Fault times must be positive or -1 (forever), got " + times);
        }
    }

    /** 429 Too Many Requests with {@code Retry-After: seconds}, once, any path. */
    public static Fault rateLimited(int retryAfterSeconds) {
        return new Fault(429, retryAfterSeconds, Duration.ZERO, ".*", null, 1);
    }

    /** An error status (e.g. 500, 503), once, any path. */
    public static Fault status(int status) {
        return new Fault(status, -1, Duration.ZERO, ".*", null, 1);
    }

    /** Extra latency before a normal answer, once, any path. */
    public static Fault latency(Duration delay) {
        return new Fault(0, -1, delay, ".*", null, 1);
    }

    /** @return a copy restricted to paths matching the regex (e.g. {@code /api/checkouts.*}) */
    public Fault onPath(String regex) {
        return new Fault(status, retryAfterSeconds, latency, regex, method, times);
    }

    /** @return a copy restricted to a method (e.g. {@code POST}) */
    public Fault onMethod(String httpMethod) {
        return new Fault(status, retryAfterSeconds, latency, pathRegex, httpMethod, times);
    }

    /** @return a copy that affects {@code count} requests (-1 = forever) */
    public Fault times(int count) {
        return new Fault(status, retryAfterSeconds, latency, pathRegex, method, count);
    }
}
