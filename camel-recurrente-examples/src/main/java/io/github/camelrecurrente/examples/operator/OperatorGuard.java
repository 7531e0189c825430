package io.github.camelrecurrente.examples.operator;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of every route served on the operator port ({@link OperatorHttpEngine} wraps each consumer's
 * processor with it, so no operator route can be reached without it):
 * <ul>
 * <li>authenticates: {@code Authorization: Bearer <token>} ({@link OperatorTokens}, constant time) or the status
 * page's session cookie ({@link OperatorSessions}); a cookie-authenticated POST must carry the session's CSRF token
 * (form field {@code csrf}). Only {@code /ops/login} is open. Refused: 401 JSON (a browser asking for HTML is sent
 * to the login page instead), 403 on a bad CSRF token;</li>
 * <li>answers a failure no route step answered with a JSON error ({@link OperatorResponses#answerFailure});</li>
 * <li>removes the {@code Authorization} and {@code Cookie} request headers before the route sees the exchange (so
 * no log, trace or echo can carry the token);</li>
 * <li>writes the audit row of every authenticated POST once the route has answered ({@link OperatorAudit}): the
 * route names the action, its target and its outcome in the exchange properties {@link #ACTION}, {@link #TARGET},
 * {@link #OUTCOME}; the token label is {@link #LABEL}.</li>
 * </ul>
 */
public final class OperatorGuard {

    /** Exchange property: the label of the authenticated token. */
    public static final String LABEL = "operatorTokenLabel";
    /**
     * Exchange property: a supplier of the request's Vert.x Web {@link Session}, set by the {@link OperatorHttpEngine};
     * read through {@link OperatorSessions#of}, only when a session is needed (a session asked for gets a cookie).
     */
    public static final String REQUEST_SESSION = "operatorRequestSession";
    /** Exchange property: the status-page session ({@link Session}) that authenticated the request, if any. */
    public static final String SESSION = "operatorSession";
    /** Exchange property set by a route: the audited action (e.g. {@code refund}). */
    public static final String ACTION = "operatorAction";
    /** Exchange property set by a route: what the action was about (e.g. the payment intent id). */
    public static final String TARGET = "operatorTarget";
    /** Exchange property set by a route: a short outcome for the audit row. */
    public static final String OUTCOME = "operatorOutcome";
    /** The one path served without a token. */
    public static final String LOGIN_PATH = "/ops/login";

    private static final Logger LOG = LoggerFactory.getLogger(OperatorGuard.class);
    private static final long WARN_INTERVAL_NANOS = 10_000_000_000L;

    private final OperatorTokens tokens;
    private final OperatorSessions sessions;
    private final OperatorAudit audit;
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);

    public OperatorGuard(OperatorTokens tokens, OperatorSessions sessions, OperatorAudit audit) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** @return the route processor of the operator endpoint at {@code path}, behind this guard */
    public Processor protect(String path, Processor route) {
        return exchange -> handle(path, route, exchange);
    }

    private void handle(String path, Processor route, Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        // on the Vert.x response itself: platform-http's header filter would drop Cache-Control from the message
        if (in instanceof HttpMessage http) {
            securityHeaders(http.getResponse());
        }
        String method = in.getHeader(Exchange.HTTP_METHOD, "GET", String.class).toUpperCase(Locale.ROOT);
        String bearer = bearer(in.getHeader("Authorization", String.class));
        boolean sessionCookie = cookie(in.getHeader("Cookie", String.class), OperatorSessions.COOKIE) != null;
        in.removeHeader("Authorization");
        in.removeHeader("Cookie");
        String label = null;
        Session session = null;
        if (bearer != null) {
            label = tokens.labelOf(bearer);
        } else if (sessionCookie) {
            session = OperatorSessions.of(exchange);
            label = sessions.label(session);
        }

        if (!LOGIN_PATH.equals(path)) {
            if (label == null) {
                refuse(
                        exchange,
                        method,
                        path,
                        bearer != null ? "wrong token" : sessionCookie ? "unknown or expired session" : "no token");
                return;
            }
            if (session != null
                    && !"GET".equals(method)
                    && !"HEAD".equals(method)
                    && !OperatorSessions.csrfMatches(session, in.getHeader("csrf", String.class))) {
                warn("Operator endpoint: {} {} by {} refused: missing or wrong CSRF token", method, path, label);
                OperatorResponses.json(
                        exchange,
                        403,
                        "csrf_token_invalid",
                        null,
                        "the form's CSRF token is missing or wrong: reload the status page");
                return;
            }
            exchange.setProperty(LABEL, label);
            if (session != null) {
                exchange.setProperty(SESSION, session);
            }
        }
        try {
            route.process(exchange);
            Exception failure = exchange.getException();
            if (failure != null) {
                // a failure the route's error handling did not answer (e.g. exhausted in a sub-route): a JSON error
                exchange.setException(null);
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
                OperatorResponses.answerFailure(exchange);
            }
        } finally {
            String actor = exchange.getProperty(LABEL, String.class);
            if ("POST".equals(method) && actor != null) {
                int status = exchange.isFailed()
                        ? 500
                        : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
                String action = exchange.getProperty(ACTION, method + " " + path, String.class);
                audit.record(
                        actor,
                        action,
                        exchange.getProperty(TARGET, String.class),
                        status,
                        exchange.getProperty(OUTCOME, String.class));
            }
        }
    }

    private void refuse(Exchange exchange, String method, String path, String why) {
        warn("Operator endpoint: {} {} refused (401): {}", method, path, why);
        String accept = exchange.getMessage().getHeader("Accept", "", String.class);
        if ("GET".equals(method) && accept.contains("text/html")) {
            Message out = exchange.getMessage();
            out.removeHeaders("*", "Camel*");
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
            out.setHeader("Location", LOGIN_PATH);
            out.setBody("");
        } else {
            OperatorResponses.json(
                    exchange,
                    401,
                    "unauthorized",
                    null,
                    "a valid operator token is required (Authorization: Bearer <token>)");
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"recurrente-ops\"");
        }
    }

    private void warn(String format, Object... args) {
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_INTERVAL_NANOS && lastWarn.compareAndSet(last, now)) {
            LOG.warn(format, args);
        } else {
            LOG.debug(format, args);
        }
    }

    private static void securityHeaders(HttpServerResponse response) {
        response.putHeader("Cache-Control", "no-store");
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("X-Frame-Options", "DENY");
        response.putHeader("Referrer-Policy", "no-referrer");
        response.putHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) && a.length() > 7
                ? a.substring(7).trim()
                : null;
    }

    static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "OperatorGuard[" + tokens + "]";
    }
}
