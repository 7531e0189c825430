package io.github.camelrecurrente.examples.review;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.examples.testsupport.DocumentedDataTestBase;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.JSON;
import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.contractElement;
import static io.github.camelrecurrente.examples.testsupport.DocumentedApi.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review queue (issue 21, item 14) over real HTTP: cases opened by a reconciliation against documented data (a
 * WARN line each, the gauge {@code examples_review_cases_open}), shown on the status page with one post and one
 * dismiss form per case; a browser session posts one (CSRF token required) and dismisses the other (reason required);
 * the operator API refuses what is not allowed; every action is an audit row. The ledger runs in H2's PostgreSQL mode.
 */
class ReviewQueueEndToEndTest extends DocumentedDataTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    static String ops;

    @BeforeAll
    static void start() {
        startWith(Map.of("ledger.jdbc-url", TestStacks.ledgerUrl(dir) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"));
        ops = TestStacks.opsUrl(props);
    }

    @Test
    void casesAreShownPostedAndDismissedByAnOperatorAndAudited() throws Exception {
        // two paid checkouts the documented data does not decide: a bank transfer (no documented id) and a checkout
        // with no succeeded intent (no documented charge)
        ObjectNode transfer = checkout("ch_r3v13wbt8k2m4q", 42000);
        transfer.remove("latest_intent");
        ObjectNode undocumented = checkout("ch_r3v13wn0k7x2p5", 9900);
        ((ObjectNode) undocumented.get("latest_intent")).put("id", "pa_r3v13wn0");
        ArrayNode checkouts = JSON.createArrayNode().add(transfer).add(undocumented);
        api.checkouts(text(checkouts));
        api.intents(text(JSON.createArrayNode().add(intent("in_r3v13wbt01", "ch_r3v13wbt8k2m4q", 42000))));

        String log = captureStandardError(() -> {
            Map<String, Object> run = reconcile();
            assertEquals(2L, run.get("needsReview"), run.toString());
        });
        assertEquals(2, count(log, "WARN"), log);
        assertTrue(log.contains("IDENTITY_UNCERTAIN case opened for checkout ch_r3v13wbt8k2m4q"), log);
        assertTrue(log.contains("SUCCESS_UNDOCUMENTED case opened for checkout ch_r3v13wn0k7x2p5"), log);
        assertTrue(metrics().contains("examples_review_cases_open 2.0"), metrics());
        long transferCase = caseId("ch_r3v13wbt8k2m4q");
        long undocumentedCase = caseId("ch_r3v13wn0k7x2p5");

        // the status page: one post form (prefilled with what the documents say) and one dismiss form per case
        String html = TestStacks.send(
                        "GET", ops + "/ops/status", null, "Authorization", "Bearer " + TestStacks.OPS_TOKEN)
                .body();
        assertTrue(html.contains("Review queue (2 open)"), html);
        assertTrue(html.contains("action=\"/ops/status/review/" + transferCase + "/post\""), html);
        assertTrue(html.contains("action=\"/ops/status/review/" + transferCase + "/dismiss\""), html);
        assertTrue(html.contains("action=\"/ops/status/review/" + undocumentedCase + "/post\""), html);
        assertTrue(html.contains("name=\"amount_in_cents\" required value=\"42000\""), html);
        assertTrue(html.contains("name=\"payment_intent_id\" required value=\"pa_r3v13wn0\""), html);

        // a browser session
        String cookie = login();
        String csrf = csrf(cookie);
        HttpResponse<String> forged = form(
                cookie,
                "/ops/status/review/" + transferCase + "/post",
                "payment_intent_id=ba_r3v13wbt&amount_in_cents=42000");
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals(0, ledger.paymentCount("ba_r3v13wbt"));

        HttpResponse<String> posted = form(
                cookie,
                "/ops/status/review/" + transferCase + "/post",
                "csrf=" + enc(csrf) + "&payment_intent_id=ba_r3v13wbt&amount_in_cents=42000");
        assertEquals(303, posted.statusCode(), posted.body());
        Map<String, Object> row = ledger.payment("ba_r3v13wbt");
        assertEquals(42000L, row.get("gross_cents"));
        assertEquals("bank_transfer", row.get("payment_kind"));
        assertEquals("ch_r3v13wbt8k2m4q", row.get("checkout_id"));
        TestStacks.await(() -> "DONE".equals(ledger.invoiceStatus("ba_r3v13wbt")), Duration.ofSeconds(30), "invoiced");
        Map<String, Object> done = reviewCase(transferCase);
        assertEquals("POSTED", done.get("status"));
        assertEquals("auditor", done.get("resolved_by"));
        assertEquals("ba_r3v13wbt", done.get("posted_payment_id"));
        assertEquals(
                1,
                ledger.number(
                        "select count(*) from operator_audit where action = 'review-post' and token_label ="
                                + " 'auditor' and http_status = 303 and target = ? and outcome like 'posted as ba_r3v13wbt%'",
                        "review case " + transferCase));

        // dismissing needs a reason
        HttpResponse<String> noReason =
                form(cookie, "/ops/status/review/" + undocumentedCase + "/dismiss", "csrf=" + enc(csrf) + "&reason=");
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("\"field\":\"reason\""), noReason.body());
        assertEquals("OPEN", reviewCase(undocumentedCase).get("status"));
        HttpResponse<String> dismissed = form(
                cookie,
                "/ops/status/review/" + undocumentedCase + "/dismiss",
                "csrf=" + enc(csrf) + "&reason=" + enc("test checkout, never charged (dashboard)"));
        assertEquals(303, dismissed.statusCode(), dismissed.body());
        assertEquals("DISMISSED", reviewCase(undocumentedCase).get("status"));
        assertEquals(
                "test checkout, never charged (dashboard)",
                reviewCase(undocumentedCase).get("resolution"));
        assertEquals(0, ledger.paymentCount("pa_r3v13wn0"));
        assertEquals(
                1,
                ledger.number("select count(*) from operator_audit where action = 'review-dismiss'"
                        + " and http_status = 303 and outcome like 'dismissed: test checkout%'"));
        assertTrue(metrics().contains("examples_review_cases_open 0.0"), metrics());
        assertTrue(TestStacks.send("GET", ops + "/ops/status", null, "Cookie", cookie)
                .body()
                .contains("Review queue (0 open)"));

        // the operator API (bearer): a case is resolved once; a found-again case stays closed
        HttpResponse<String> again = TestStacks.opsPost(
                props,
                "/ops/review/" + transferCase + "/post",
                "{\"payment_intent_id\": \"ba_0th3rid1\", \"amount_in_cents\": 42000}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(0, ledger.paymentCount("ba_0th3rid1"));
        assertEquals(0L, reconcile().get("missingPosted"));
        assertEquals(
                2,
                ledger.number(
                        "select count(*) from review_cases where checkout_id in (?, ?)",
                        "ch_r3v13wbt8k2m4q",
                        "ch_r3v13wn0k7x2p5"),
                "no case opened twice");
        assertEquals(
                2,
                ledger.number(
                        "select count(*) from operator_audit where action = 'review-post' and http_status"
                                + " in (303, 409) and target = ?",
                        "review case " + transferCase));
    }

    @Test
    void theOperatorApiRefusesWhatIsNotAllowed() throws Exception {
        ObjectNode c = checkout("ch_r3v13wv4l1d8q", 5000);
        c.remove("latest_intent");
        api.checkouts(text(JSON.createArrayNode().add(c)));
        api.intents(text(JSON.createArrayNode().add(intent("in_r3v13wv4l1", "ch_r3v13wv4l1d8q", 5000))));
        reconcile();
        long id = caseId("ch_r3v13wv4l1d8q");
        String path = "/ops/review/" + id + "/post";

        HttpResponse<String> noAmount = TestStacks.opsPost(props, path, "{\"payment_intent_id\": \"pa_v4l1dq9x\"}");
        assertEquals(400, noAmount.statusCode(), noAmount.body());
        assertTrue(noAmount.body().contains("\"field\":\"amount_in_cents\""), noAmount.body());
        HttpResponse<String> badId =
                TestStacks.opsPost(props, path, "{\"payment_intent_id\": \"<b>x</b>\", \"amount_in_cents\": 5000}");
        assertEquals(400, badId.statusCode(), badId.body());
        assertTrue(badId.body().contains("\"field\":\"payment_intent_id\""), badId.body());
        HttpResponse<String> otherCurrency = TestStacks.opsPost(
                props,
                path,
                "{\"payment_intent_id\": \"pa_v4l1dq9x\", \"amount_in_cents\": 5000, \"currency\": \"USD\"}");
        assertEquals(422, otherCurrency.statusCode(), otherCurrency.body());
        HttpResponse<String> unknown = TestStacks.opsPost(
                props, "/ops/review/987654/post", "{\"payment_intent_id\": \"pa_v4l1dq9x\", \"amount_in_cents\": 1}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("OPEN", reviewCase(id).get("status"));
        assertEquals(0, ledger.paymentCount("pa_v4l1dq9x"));

        HttpResponse<String> ok =
                TestStacks.opsPost(props, path, "{\"payment_intent_id\": \"pa_v4l1dq9x\", \"amount_in_cents\": 5000}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"status\":\"POSTED\""), ok.body());
        assertEquals(5000L, ledger.payment("pa_v4l1dq9x").get("gross_cents"));
        assertEquals(
                3,
                ledger.number(
                        "select count(*) from operator_audit where action = 'review-post' and target = ?"
                                + " and http_status in (400, 422)",
                        "review case " + id));
    }

    // ------------------------------------------------------------------ helpers

    static ObjectNode checkout(String id, long total) {
        ObjectNode c = contractElement("responses/checkout-list.json");
        c.put("id", id);
        c.put("created_at", Instant.now().toString());
        c.put("total_in_cents", total);
        ObjectNode payable = (ObjectNode) c.get("payment").get("paymentable");
        payable.put("type", "OneTimePayment");
        payable.put("id", "on_" + id.substring(3, 11));
        ((ObjectNode) c.get("payment")).put("id", "pa_" + id.substring(3, 11));
        return c;
    }

    static ObjectNode intent(String id, String checkoutId, long amount) {
        ObjectNode i = JSON.createObjectNode();
        i.put("type", "bank_transfer");
        i.put("id", id);
        i.put("status", "succeeded");
        i.put("raw_status", "succeeded");
        i.put("amount_in_cents", amount);
        i.put("currency", "GTQ");
        i.putObject("customer").put("id", "cus_r3v13w01").put("email", "tesoreria@example.com");
        i.putObject("checkout").put("id", checkoutId).put("status", "paid");
        return i;
    }

    static long caseId(String checkoutId) {
        return ledger.number("select id from review_cases where checkout_id = ?", checkoutId);
    }

    static Map<String, Object> reviewCase(long id) {
        List<Map<String, Object>> rows = ledger.rows("select * from review_cases where id = ?", id);
        return rows.get(0);
    }

    static String metrics() throws Exception {
        return TestStacks.get("http://127.0.0.1:" + props.get("camel.management.port") + "/observe/metrics")
                .body();
    }

    static String login() throws Exception {
        HttpResponse<String> login = TestStacks.send(
                "POST",
                ops + "/ops/login",
                "token=" + enc(TestStacks.AUDITOR_TOKEN),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(303, login.statusCode(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static String csrf(String cookie) throws Exception {
        HttpResponse<String> page = TestStacks.send("GET", ops + "/ops/status", null, "Cookie", cookie);
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }

    static HttpResponse<String> form(String cookie, String path, String body) throws Exception {
        return TestStacks.send(
                "POST", ops + path, body, "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static int count(String text, String word) {
        int n = 0;
        for (String line : text.split("\n")) {
            if (line.contains(word) && line.contains("Review: ")) {
                n++;
            }
        }
        return n;
    }

    /** Runs {@code action} with the standard error (slf4j-simple's log output) copied into the returned text. */
    static String captureStandardError(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(original, copy), true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return copy.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
