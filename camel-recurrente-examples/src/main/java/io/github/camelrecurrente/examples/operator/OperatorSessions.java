package io.github.camelrecurrente.examples.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Browser sessions of the operator status page, kept by Vert.x Web: a {@link SessionHandler} on a
 * {@link LocalSessionStore} runs in front of every operator route ({@link #install}) and the
 * {@link OperatorHttpEngine} hands the route the request's {@link Session} (exchange property {@link OperatorGuard#REQUEST_SESSION}). The session id travels in an
 * {@code HttpOnly; SameSite=Strict} cookie scoped to {@code /ops} (never the token); the session is created lazily, so
 * only a successful {@code POST /ops/login} sets a cookie ({@link #open}, which also regenerates the id). In memory, per
 * node and per app instance: a restart logs everybody out.
 * <p>
 * What the session holds: the token label, the CSRF token its forms carry (the synchronizer token, checked by
 * {@link OperatorGuard} on every cookie-authenticated POST in constant time; our choice over Vert.x's
 * {@code CSRFHandler}, whose double-submit cookie and one-use tokens would refuse a second tab's form or the form of a
 * page loaded before another action) and when it ends: {@code examples.ops.session-ttl} after the login, and the store
 * drops a session unused for as long.
 */
public final class OperatorSessions {

    /** The cookie that carries the session id. */
    public static final String COOKIE = "recurrente_ops_session";

    private static final String LABEL = "label";
    private static final String CSRF = "csrf";
    private static final String EXPIRES = "expiresAtMillis";

    private final Duration ttl;
    private final Clock clock;

    public OperatorSessions(Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("examples.ops.session-ttl must be positive, got " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Puts the session handler in front of every route of the operator server's router (before the routes of the
     * {@code ops-http} consumers, which are added when they start), on a store of that server's Vert.x.
     */
    public void install(VertxPlatformHttpRouter router) {
        router.route().handler(handler(router.vertx()));
    }

    private SessionHandler handler(Vertx vertx) {
        return SessionHandler.create(LocalSessionStore.create(vertx))
                .setSessionCookieName(COOKIE)
                .setSessionCookiePath("/ops")
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT)
                .setCookieMaxAge(ttl.toSeconds())
                .setSessionTimeout(ttl.toMillis())
                .setLazySession(true)
                // the operator port is plain HTTP on 127.0.0.1 by default (docs/operations.md)
                .setNagHttps(false);
    }

    /** Opens the session of a token label: a new session id (no fixation), a CSRF token, the end of its lifetime. */
    public void open(Session session, String label) {
        session.regenerateId();
        session.put(LABEL, label);
        session.put(CSRF, OperatorTokens.generate());
        session.put(EXPIRES, clock.millis() + ttl.toMillis());
    }

    /** @return the token label of an open session, or null (none, not logged in, or past its lifetime) */
    public String label(Session session) {
        if (session == null || session.isDestroyed()) {
            return null;
        }
        Long expires = session.get(EXPIRES);
        if (expires == null || expires <= clock.millis()) {
            return null;
        }
        return session.get(LABEL);
    }

    /**
     * @return the request's session ({@link OperatorGuard#REQUEST_SESSION}), or null outside the operator port; once
     *         asked for, the session handler stores it and sets its cookie if it is new
     */
    public static Session of(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Supplier<Session> session = exchange.getProperty(OperatorGuard.REQUEST_SESSION, Supplier.class);
        return session == null ? null : session.get();
    }

    /** @return the CSRF token of the session, or null */
    public static String csrf(Session session) {
        return session == null ? null : session.get(CSRF);
    }

    /** Constant-time check of the CSRF token a form sent against the session's. */
    public static boolean csrfMatches(Session session, String presented) {
        String csrf = csrf(session);
        return csrf != null
                && presented != null
                && MessageDigest.isEqual(
                        csrf.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the session (the handler expires the browser's cookie). */
    public void close(Session session) {
        if (session != null) {
            session.destroy();
        }
    }

    @Override
    public String toString() {
        return "OperatorSessions[ttl " + ttl + "]";
    }
}
