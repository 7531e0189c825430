package io.github.camelrecurrente.examples.operator;

import java.util.Map;

import io.vertx.ext.web.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How a browser reaches the status page (bean {@code operatorLogin}, routes/operator/operator-status.yaml). A browser cannot
 * be told to send {@code Authorization: Bearer}, so {@code GET /ops/login} shows a form
 * ({@code templates/operator/login.mustache}); {@code POST /ops/login}
 * with a valid token opens a session ({@link OperatorSessions}) and sets its id in a cookie that is
 * {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's page sends it) and scoped to
 * {@code /ops}. The token itself is never stored in the browser. Forms on the page carry the session's CSRF token,
 * checked by {@link OperatorGuard} on every cookie-authenticated POST: other services on 127.0.0.1 count as the same
 * site for SameSite, so the cookie alone would not be enough.
 */
public final class OperatorLogin {

    private final OperatorTokens tokens;
    private final OperatorSessions sessions;

    public OperatorLogin(OperatorTokens tokens, OperatorSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** {@code GET /ops/login}: the form. */
    public void page(Exchange exchange) {
        exchange.getMessage().setBody(null);
        OperatorPages.answer(exchange.getMessage(), 200, "login", Map.of());
    }

    /** {@code POST /ops/login} (form field {@code token}): a session cookie and a redirect to the status page. */
    public void login(Exchange exchange) {
        Message m = exchange.getMessage();
        String token = m.getHeader("token", String.class);
        // neither the form body nor the field stays in the exchange
        m.removeHeader("token");
        m.setBody(null);
        String label = tokens.labelOf(token);
        Session session = label == null ? null : OperatorSessions.of(exchange);
        if (session == null) {
            OperatorPages.answer(m, 401, "login", Map.of("error", "That token is not valid."));
            return;
        }
        sessions.open(session, label);
        exchange.setProperty(OperatorGuard.LABEL, label);
        exchange.setProperty(OperatorGuard.ACTION, "login");
        exchange.setProperty(OperatorGuard.OUTCOME, "status page session opened");
        redirect(m, "/ops/status");
    }

    /** {@code POST /ops/logout}: ends the session (the session handler expires the cookie). */
    public void logout(Exchange exchange) {
        sessions.close(exchange.getProperty(OperatorGuard.SESSION, Session.class));
        exchange.setProperty(OperatorGuard.ACTION, "logout");
        Message m = exchange.getMessage();
        m.setBody(null);
        redirect(m, OperatorGuard.LOGIN_PATH);
    }

    static void redirect(Message m, String location) {
        OperatorResponses.answer(m, 303, "text/plain; charset=UTF-8", "");
        m.setHeader("Location", location);
    }
}
