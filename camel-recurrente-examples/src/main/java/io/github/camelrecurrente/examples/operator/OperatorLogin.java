package io.github.camelrecurrente.examples.operator;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How a browser reaches the status page (bean {@code operatorLogin}, routes/operator/operator-status.yaml). A browser cannot
 * be told to send {@code Authorization: Bearer}, so {@code GET /ops/login} shows a form; {@code POST /ops/login}
 * with a valid token opens a session ({@link OperatorSessions}) and sets its id in a cookie that is
 * {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's page sends it) and scoped to
 * {@code /ops}. The token itself is never stored in the browser. Forms on the page carry the session's CSRF token,
 * checked by {@link OperatorGuard} on every cookie-authenticated POST: other services on 127.0.0.1 count as the same
 * site for SameSite, so the cookie alone would not be enough.
 */
public final class OperatorLogin {

    /** Exchange property: the session id of a cookie-authenticated request (for logout). */
    public static final String SESSION_ID = "operatorSessionId";

    private final OperatorTokens tokens;
    private final OperatorSessions sessions;

    public OperatorLogin(OperatorTokens tokens, OperatorSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** {@code GET /ops/login}: the form. */
    public void page(Exchange exchange) {
        exchange.getMessage().setBody(null);
        html(exchange, 200, null);
    }

    /** {@code POST /ops/login} (form field {@code token}): a session cookie and a redirect to the status page. */
    public void login(Exchange exchange) {
        Message m = exchange.getMessage();
        String token = m.getHeader("token", String.class);
        // neither the form body nor the field stays in the exchange
        m.removeHeader("token");
        m.setBody(null);
        String label = tokens.labelOf(token);
        if (label == null) {
            html(exchange, 401, "That token is not valid.");
            return;
        }
        String sessionId = sessions.open(label);
        exchange.setProperty(OperatorGuard.LABEL, label);
        exchange.setProperty(OperatorGuard.ACTION, "login");
        exchange.setProperty(OperatorGuard.OUTCOME, "status page session opened");
        redirect(m, "/ops/status");
        m.setHeader(
                "Set-Cookie",
                OperatorSessions.COOKIE + "=" + sessionId + "; Path=/ops; HttpOnly; SameSite=Strict" + "; Max-Age="
                        + sessions.ttl().toSeconds());
    }

    /** {@code POST /ops/logout}: ends the session. */
    public void logout(Exchange exchange) {
        sessions.close(exchange.getProperty(SESSION_ID, String.class));
        exchange.setProperty(OperatorGuard.ACTION, "logout");
        Message m = exchange.getMessage();
        m.setBody(null);
        redirect(m, OperatorGuard.LOGIN_PATH);
        m.setHeader("Set-Cookie", OperatorSessions.COOKIE + "=; Path=/ops; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    static void redirect(Message m, String location) {
        OperatorResponses.answer(m, 303, "text/plain; charset=UTF-8", "");
        m.setHeader("Location", location);
    }

    private static void html(Exchange exchange, int status, String error) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Recurrente operator login"
                + "</title></head>\n<body style=\"font-family: sans-serif; max-width: 28em; margin: 4em auto\">\n"
                + "<h1>Operator login</h1>\n");
        if (error != null) {
            b.append("<p style=\"color: #a00\">").append(StatusPage.esc(error)).append("</p>\n");
        }
        b.append("<form method=\"post\" action=\"/ops/login\">\n<label>Operator token (examples.ops.token)<br>"
                + "<input type=\"password\" name=\"token\" autocomplete=\"off\" required size=\"40\"></label>\n"
                + "<button type=\"submit\">Log in</button>\n</form>\n</body></html>\n");
        OperatorResponses.answer(exchange.getMessage(), status, "text/html; charset=UTF-8", b.toString());
    }
}
