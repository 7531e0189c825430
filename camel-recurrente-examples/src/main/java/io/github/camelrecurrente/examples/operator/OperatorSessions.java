package io.github.camelrecurrente.examples.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Browser sessions of the operator status page. {@code POST /ops/login} with a valid token opens one: the browser
 * gets a random session id in an {@code HttpOnly; SameSite=Strict} cookie (never the token), and each page carries
 * the session's CSRF token in its forms. In memory, per node and per app instance: a restart logs everybody out.
 * At most {@link #MAX_SESSIONS} sessions (the oldest is dropped), each valid for the configured time to live.
 */
public final class OperatorSessions {

    /** The cookie that carries the session id. */
    public static final String COOKIE = "recurrente_ops_session";
    /** Upper bound of open sessions. */
    public static final int MAX_SESSIONS = 64;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    /** An open session: who (token label), its CSRF token, when it expires. */
    public record Session(String label, String csrf, Instant expires) {
        /** Constant-time check of a CSRF token sent by a form. */
        public boolean csrfMatches(String presented) {
            return presented != null
                    && MessageDigest.isEqual(
                            csrf.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Session[" + label + ", expires " + expires + "]";
        }
    }

    public OperatorSessions(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Opens a session for a token label; @return the session id for the cookie */
    public synchronized String open(String label) {
        purge();
        while (sessions.size() >= MAX_SESSIONS) {
            Iterator<String> oldest = sessions.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        String id = OperatorTokens.generate();
        sessions.put(
                id,
                new Session(label, OperatorTokens.generate(), clock.instant().plus(ttl)));
        return id;
    }

    /** @return the open session of this id, or null (unknown or expired) */
    public synchronized Session find(String id) {
        if (id == null) {
            return null;
        }
        purge();
        return sessions.get(id);
    }

    public synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** @return the session lifetime, for the cookie's Max-Age */
    public Duration ttl() {
        return ttl;
    }

    private void purge() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expires().isAfter(now));
    }

    @Override
    public synchronized String toString() {
        return "OperatorSessions[" + sessions.size() + " open]";
    }
}
