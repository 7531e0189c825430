package io.github.camelrecurrente.examples.operator;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator status page over real HTTP: behind the token, a browser session through the login form (HttpOnly,
 * SameSite=Strict cookie; CSRF token on the buttons), everything HTML-escaped, the replay button audited. The ledger
 * runs in H2's PostgreSQL mode.
 */
class OperatorStatusPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dir;

    static Map<String, String> props;
    static ExamplesStack stack;
    static RecurrenteSandbox sandbox;
    static LedgerReport ledger;
    static String ops;

    @BeforeAll
    static void start() {
        props = TestStacks.properties(dir);
        // the page's SQL in PostgreSQL dialect and case folding as well
        props.put("ledger.jdbc-url", props.get("ledger.jdbc-url") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        stack = ExamplesStack.start(props);
        sandbox = stack.sandbox().sandbox();
        ledger = new LedgerReport(stack.app().ledger());
        ops = TestStacks.opsUrl(props);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String paid(long cents) {
        String checkout = sandbox.createCheckout(cents, "GTQ");
        String id = (String)
                sandbox.payCheckout(checkout, PaymentOptions.defaults()).get("id");
        DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), "payment " + id + " invoiced");
        return id;
    }

    /** A dead-lettered invoice whose error text is hostile HTML. */
    private static String deadLetteredWithHostileError() throws Exception {
        String id = paid(4500);
        try (Connection c = stack.app().ledger().getConnection();
                PreparedStatement dl = c.prepareStatement(
                        "insert into fel_dead_letters (payment_intent_id, error_message)" + " values (?, ?)");
                PreparedStatement status = c.prepareStatement(
                        "update payments set invoice_status = 'DEAD_LETTER'" + " where payment_intent_id = ?")) {
            dl.setString(1, id);
            dl.setString(2, "<script>alert('x')</script> & \"quoted\"");
            dl.executeUpdate();
            status.setString(1, id);
            status.executeUpdate();
        }
        return id;
    }

    @Test
    void pageRendersTheLedgerAndEscapesEverything() throws Exception {
        String id = deadLetteredWithHostileError();
        // a step a dead node left in doubt, resolved by this one (FelOutbox.inDoubt)
        try (Connection c = stack.app().ledger().getConnection();
                PreparedStatement doubt = c.prepareStatement("insert into fel_in_doubt (payment_intent_id, step,"
                        + " started_by, started_at, resolved_by, resolved_at, resolution) values (?, 'PUSH', 'node-a',"
                        + " current_timestamp, 'node-b', current_timestamp, 'PATCH_REPEATED')")) {
            doubt.setString(1, id);
            doubt.executeUpdate();
        }
        stack.app().producer().requestBody("direct:reconcile", null, Map.class);
        HttpResponse<String> page =
                TestStacks.send("GET", ops + "/ops/status", null, "Authorization", "Bearer " + TestStacks.OPS_TOKEN);
        assertEquals(200, page.statusCode(), page.body());
        // a bearer request opens no browser session (the session handler is lazy)
        assertTrue(
                page.headers().firstValue("Set-Cookie").isEmpty(),
                page.headers().toString());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        String html = page.body();
        for (String section : new String[] {
            "Payments posted today",
            "Invoices (FEL)",
            "Dead-lettered (1)",
            "Steps resolved in doubt after a crash (1)",
            "Refunds not booked",
            "Last reconciliation",
            "Webhooks, last hour",
            "Latest operator actions"
        }) {
            assertTrue(html.contains(section), section + " in " + html);
        }
        assertTrue(html.contains(id), "the dead-lettered payment is listed");
        assertTrue(html.contains("<td>PUSH</td><td>node-a</td>"), "the step in doubt is listed: " + html);
        assertTrue(html.contains("<td>node-b</td><td>PATCH_REPEATED</td>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), html);
        assertFalse(html.contains("<script"), "no markup from the data");
        assertTrue(html.contains("Replay every dead-lettered invoice"));
        assertTrue(html.contains("Signed in as <b>ops-test</b>"));
        // today's payments: the one above at least; the last reconciliation is shown
        assertTrue(html.contains("<td>GTQ</td>"), html);
        assertTrue(html.matches("(?s).*Last reconciliation</h2>\\s*<table>.*"), html);
    }

    @Test
    void browserLogsInWithTheTokenAndReplaysWithTheCsrfToken() throws Exception {
        String id = deadLetteredWithHostileError();
        // no session: a browser is sent to the login form
        HttpResponse<String> anonymous = TestStacks.send("GET", ops + "/ops/status", null, "Accept", "text/html");
        assertEquals(303, anonymous.statusCode());
        assertEquals("/ops/login", anonymous.headers().firstValue("Location").orElse(null));
        HttpResponse<String> form = TestStacks.send("GET", ops + "/ops/login", null, "Accept", "text/html");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("type=\"password\" name=\"token\""), form.body());

        HttpResponse<String> wrong = TestStacks.send(
                "POST",
                ops + "/ops/login",
                "token=not-the-token-at-all-0000000",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> login = TestStacks.send(
                "POST",
                ops + "/ops/login",
                "token=" + URLEncoder.encode(TestStacks.AUDITOR_TOKEN, StandardCharsets.UTF_8),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(303, login.statusCode(), login.body());
        assertEquals("/ops/status", login.headers().firstValue("Location").orElse(null));
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        // attribute names are case-insensitive (RFC 6265): Vert.x (Netty) writes HTTPOnly
        assertTrue(
                setCookie.toLowerCase(Locale.ROOT).contains("; httponly")
                        && setCookie.contains("SameSite=Strict")
                        && setCookie.contains("Path=/ops"),
                setCookie);
        assertFalse(setCookie.contains(TestStacks.AUDITOR_TOKEN), "the cookie is a session id, not the token");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = TestStacks.send("GET", ops + "/ops/status", null, "Cookie", cookie);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Signed in as <b>auditor</b>"));
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), page.body());
        String csrf = m.group(1);

        // the replay button without the page's CSRF token (a forged form) is refused and changes nothing
        HttpResponse<String> forged = TestStacks.send(
                "POST",
                ops + "/ops/status/fel-replay",
                "",
                "Cookie",
                cookie,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals("DEAD_LETTER", ledger.invoiceStatus(id));

        long audited = ledger.number("select count(*) from operator_audit where token_label = 'auditor'"
                + " and action = 'fel-replay' and http_status = 303");
        HttpResponse<String> replay = TestStacks.send(
                "POST",
                ops + "/ops/status/fel-replay",
                "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8),
                "Cookie",
                cookie,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(303, replay.statusCode(), replay.body());
        assertEquals("/ops/status", replay.headers().firstValue("Location").orElse(null));
        DemoScenario.await(() -> "DONE".equals(ledger.invoiceStatus(id)), "replayed invoice " + id);
        assertEquals(
                audited + 1,
                ledger.number("select count(*) from operator_audit where token_label = 'auditor'"
                        + " and action = 'fel-replay' and http_status = 303"));
        assertEquals(
                1,
                ledger.number(
                        "select count(*) from operator_audit where token_label = 'auditor'" + " and action = 'login'"));

        // logout ends the session
        HttpResponse<String> logout = TestStacks.send(
                "POST",
                ops + "/ops/logout",
                "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8),
                "Cookie",
                cookie,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(303, logout.statusCode(), logout.body());
        assertEquals(
                401,
                TestStacks.send("GET", ops + "/ops/status", null, "Cookie", cookie)
                        .statusCode());
        assertNotNull(logout.headers().firstValue("Set-Cookie").orElse(null));
    }

    @Test
    void webhookOutcomesComeFromTheSharedInboxTableWhenTheLedgerHasOne() throws Exception {
        // the multi-node ledger's claim table (one row per svix-id and its status)
        try (Connection c = stack.app().ledger().getConnection()) {
            try (PreparedStatement create = c.prepareStatement("create table if not exists webhook_inbox (message_id"
                    + " varchar(128) primary key, status varchar(16) not null, node_id varchar(64) not null,"
                    + " claimed_at timestamp not null, done_at timestamp)")) {
                create.executeUpdate();
            }
            PreparedStatement insert = c.prepareStatement("insert into webhook_inbox (message_id, status, node_id,"
                    + " claimed_at) values (?, ?, 'node-a', current_timestamp)");
            for (String[] row :
                    new String[][] {{"msg_page_1", "DONE"}, {"msg_page_2", "DONE"}, {"msg_page_3", "CLAIMED"}}) {
                insert.setString(1, row[0]);
                insert.setString(2, row[1]);
                insert.executeUpdate();
            }
            insert.close();
        }
        String html = TestStacks.send(
                        "GET", ops + "/ops/status", null, "Authorization", "Bearer " + TestStacks.OPS_TOKEN)
                .body();
        String webhooks = html.substring(html.indexOf("Webhooks, last hour"), html.indexOf("Latest operator actions"));
        assertTrue(
                webhooks.contains("<th>Deliveries DONE</th>") && webhooks.contains("<th>Deliveries CLAIMED</th>"),
                webhooks);
    }
}
