package io.github.camelrecurrente.examples.operator;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerDatabase;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecordedRequest;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator endpoints over real HTTP against the running examples app (sandbox mode, H2): the token, the port
 * split, the refund checks against the ledger, the audit rows.
 */
class OperatorEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Map<String, String> props;
    static ExamplesStack stack;
    static RecurrenteSandbox sandbox;
    static LedgerReport ledger;
    static String ops;
    static String bearer = "Bearer " + TestStacks.OPS_TOKEN;

    @BeforeAll
    static void start() {
        props = TestStacks.properties(dir);
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

    /** Pays a checkout at the emulator and waits until the ledger has posted it. */
    static String paidPayment(long cents) {
        String checkout = sandbox.createCheckout(cents, "GTQ");
        String id = (String)
                sandbox.payCheckout(checkout, PaymentOptions.defaults()).get("id");
        DemoScenario.await(() -> ledger.paymentCount(id) == 1, "payment " + id + " posted");
        return id;
    }

    static long refundCalls() {
        return sandbox.requests().stream()
                .filter(r -> "POST".equals(r.method()) && r.path().endsWith("/refunds"))
                .count();
    }

    static HttpResponse<String> refund(String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return TestStacks.send("POST", ops + "/ops/refunds", body, all);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }

    static long auditRows(String label, String action) {
        return ledger.number("select count(*) from operator_audit where token_label = ? and action = ?", label, action);
    }

    @Test
    void noTokenIsRefusedWith401AndNothingHappens() throws Exception {
        String pa = paidPayment(12000);
        long calls = refundCalls();
        long audits = ledger.number("select count(*) from operator_audit");
        HttpResponse<String> r = refund("{\"payment_intent_id\": \"" + pa + "\"}");
        assertEquals(401, r.statusCode(), r.body());
        assertEquals("unauthorized", json(r).get("error"));
        assertEquals(
                "Bearer realm=\"recurrente-ops\"",
                r.headers().firstValue("WWW-Authenticate").orElse(null));
        for (String path : List.of(
                "/ops/fel/replay", "/ops/webhooks/replay", "/ops/reconcile", "/ops/status/fel-replay", "/ops/logout")) {
            assertEquals(401, TestStacks.send("POST", ops + path, "").statusCode(), path);
        }
        assertEquals(401, TestStacks.send("GET", ops + "/ops/status", null).statusCode());
        assertEquals(calls, refundCalls(), "no API call without a token");
        assertEquals(0L, ledger.payment(pa).get("refunded_cents"));
        assertEquals(audits, ledger.number("select count(*) from operator_audit"), "refused requests are not actions");
    }

    @Test
    void wrongTokenIsRefusedWith401() throws Exception {
        String pa = paidPayment(12100);
        long calls = refundCalls();
        String body = "{\"payment_intent_id\": \"" + pa + "\"}";
        String almost = TestStacks.OPS_TOKEN.substring(0, TestStacks.OPS_TOKEN.length() - 1) + "X";
        for (String auth : List.of(
                "Bearer " + almost,
                "Bearer " + TestStacks.OPS_TOKEN + "0",
                "Bearer ",
                "Basic " + TestStacks.OPS_TOKEN,
                TestStacks.OPS_TOKEN)) {
            HttpResponse<String> r = refund(body, "Authorization", auth);
            assertEquals(401, r.statusCode(), auth + " -> " + r.body());
            assertFalse(r.body().contains(TestStacks.OPS_TOKEN.substring(0, 10)), "the answer never echoes a token");
            assertTrue(r.headers().firstValue("Authorization").isEmpty());
        }
        assertEquals(calls, refundCalls());
    }

    @Test
    void aStoredDeliveryWhosePostingKeepsFailingIsRetriedThenDeadUntilTheOperatorReplaysIt() throws Exception {
        try (Connection c = stack.app().ledger().getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into webhook_inbox (message_id, status, node_id,"
                                + " claimed_at, event_type, body, attempts, next_attempt_at)"
                                + " values ('msg_unpostable', 'RECEIVED', 'elsewhere', ?, 'payment_intent.succeeded', '[]', 0, ?)")) {
            LocalDateTime now = LedgerDatabase.utc(Instant.now());
            insert.setObject(1, now);
            insert.setObject(2, now);
            insert.executeUpdate();
        }
        String state = "select status, attempts, last_error from webhook_inbox where message_id = 'msg_unpostable'";
        DemoScenario.await(
                () -> "DEAD".equals(ledger.rows(state).get(0).get("status")), "the delivery to be given up (DEAD)");
        Map<String, Object> dead = ledger.rows(state).get(0);
        assertEquals(3, ((Number) dead.get("attempts")).intValue(), "the first try and the two retries");
        assertTrue(String.valueOf(dead.get("last_error")).contains("RecurrenteEventParseException"), dead.toString());

        long before = auditRows("ops-test", "webhooks-replay");
        HttpResponse<String> r = TestStacks.send("POST", ops + "/ops/webhooks/replay", "", "Authorization", bearer);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, ((Number) json(r).get("replayed")).intValue(), r.body());
        assertEquals(before + 1, auditRows("ops-test", "webhooks-replay"));
        // posted again (and, still not an event, given up again)
        DemoScenario.await(
                () -> "DEAD".equals(ledger.rows(state).get(0).get("status"))
                        && ((Number) ledger.rows(state).get(0).get("attempts")).intValue() == 3,
                "the replayed delivery to be tried again");
        assertEquals(0, ledger.paymentCount("msg_unpostable"));
    }

    @Test
    void rightTokenWorksAndIsAuditedWithItsLabel() throws Exception {
        long before = auditRows("auditor", "fel-replay");
        HttpResponse<String> r = TestStacks.send(
                "POST", ops + "/ops/fel/replay", "", "Authorization", "Bearer " + TestStacks.AUDITOR_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json(r).containsKey("replayed"), r.body());
        assertEquals(before + 1, auditRows("auditor", "fel-replay"));
        Map<String, Object> row = ledger.rows(
                        "select * from operator_audit where token_label = 'auditor'" + " order by id desc")
                .get(0);
        assertEquals(200, ((Number) row.get("http_status")).intValue());
        assertNotNull(row.get("occurred_at"));
        assertTrue(String.valueOf(row.get("outcome")).contains("replayed"), String.valueOf(row));
        // no token, not even a part of it, in the audit table
        assertEquals(
                0,
                ledger.number(
                        "select count(*) from operator_audit where outcome like ? or target like ?",
                        "%" + TestStacks.AUDITOR_TOKEN.substring(0, 12) + "%",
                        "%" + TestStacks.AUDITOR_TOKEN.substring(0, 12) + "%"));
    }

    @Test
    void operatorPathsAreNotServedOnTheWebhookPort() throws Exception {
        String publicUrl = "http://127.0.0.1:" + props.get("camel.server.port");
        for (String path : List.of(
                "/ops/refunds",
                "/ops/fel/replay",
                "/ops/reconcile",
                "/ops/status",
                "/ops/login",
                "/ops/status/fel-replay")) {
            assertEquals(
                    404,
                    TestStacks.send("POST", publicUrl + path, "{}", "Authorization", bearer)
                            .statusCode(),
                    path);
            assertEquals(
                    404,
                    TestStacks.send("GET", publicUrl + path, null, "Authorization", bearer)
                            .statusCode(),
                    path);
        }
        // and the webhook path is not on the operator port
        assertEquals(
                404,
                TestStacks.send("POST", ops + "/recurrente/events", "{}", "Authorization", bearer)
                        .statusCode());
    }

    @Test
    void operatorServerListensOnLoopbackByDefault() {
        VertxPlatformHttpServer server = stack.app().context().hasServices(VertxPlatformHttpServer.class).stream()
                .filter(s -> s.getPort() == Integer.parseInt(props.get("examples.ops.port")))
                .findFirst()
                .orElse(null);
        // TestStacks does not set examples.ops.host: this is application.properties' default
        assertNotNull(server, "the operator server is a service of the context");
        assertEquals("127.0.0.1", server.getHost());
    }

    @Test
    void refundOfAPaymentTheLedgerDoesNotKnowIs404WithoutAnApiCall() throws Exception {
        long calls = refundCalls();
        HttpResponse<String> r = refund("{\"payment_intent_id\": \"pa_notinledger\"}", "Authorization", bearer);
        assertEquals(404, r.statusCode(), r.body());
        assertEquals("payment_not_found", json(r).get("error"));
        assertEquals("payment_intent_id", json(r).get("field"));
        assertEquals(calls, refundCalls());
        Map<String, Object> audit = ledger.rows(
                        "select * from operator_audit where action = 'refund'" + " and target = 'pa_notinledger'")
                .get(0);
        assertEquals(404, ((Number) audit.get("http_status")).intValue());
        assertEquals("ops-test", audit.get("token_label"));
    }

    @Test
    void refundAboveTheRefundableRestIs422AndAFullyRefundedPaymentIs409() throws Exception {
        String pa = paidPayment(20000);
        long calls = refundCalls();
        HttpResponse<String> tooMuch =
                refund("{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 20001}", "Authorization", bearer);
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertEquals("amount_exceeds_refundable", json(tooMuch).get("error"));
        assertEquals("amount_in_cents", json(tooMuch).get("field"));
        assertEquals(calls, refundCalls(), "refused before the API call");

        HttpResponse<String> full = refund("{\"payment_intent_id\": \"" + pa + "\"}", "Authorization", bearer);
        assertEquals(200, full.statusCode(), full.body());
        assertEquals(calls + 1, refundCalls());
        HttpResponse<String> again =
                refund("{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 1}", "Authorization", bearer);
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("already_refunded", json(again).get("error"));
        assertEquals(calls + 1, refundCalls());
    }

    @Test
    void badRefundRequestsNameTheFieldAndTheRule() throws Exception {
        String pa = paidPayment(9000);
        long calls = refundCalls();
        Map<String, String> cases = Map.of(
                "{\"payment_intent_id\": \"" + pa + "\", \"amount\": 100}",
                "amount",
                "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": \"100\"}",
                "amount_in_cents",
                "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 10.5}",
                "amount_in_cents",
                "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 0}",
                "amount_in_cents",
                "{\"amount_in_cents\": 100}",
                "payment_intent_id");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = refund(c.getKey(), "Authorization", bearer);
            assertEquals(400, r.statusCode(), c.getKey() + " -> " + r.body());
            assertEquals(c.getValue(), json(r).get("field"), r.body());
            assertTrue(((String) json(r).get("message")).contains(c.getValue()), r.body());
        }
        HttpResponse<String> notJson = refund("payment_intent_id=" + pa, "Authorization", bearer);
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertTrue(notJson.body().contains("JSON object"), notJson.body());
        assertFalse(notJson.body().contains("Exception"), notJson.body());
        assertEquals(calls, refundCalls());
    }

    @Test
    void partialRefundIsBookedWithWhatTheApiAnswered() throws Exception {
        String pa = paidPayment(15000);
        HttpResponse<String> r =
                refund("{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 4000}", "Authorization", bearer);
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> answer = json(r);
        String re = (String) answer.get("refundId");
        Map<String, Object> atApi = sandbox.refund(re);
        assertEquals(
                ((Number) atApi.get("customer_refunded_amount_in_cents")).longValue(),
                ((Number) answer.get("customerRefundedCents")).longValue());
        Map<String, Object> row =
                ledger.rows("select * from refunds where refund_id = ?", re).get(0);
        assertEquals(
                ((Number) atApi.get("customer_refunded_amount_in_cents")).longValue(),
                row.get("customer_refunded_cents"));
        assertEquals(
                ((Number) atApi.get("account_refunded_amount_in_cents")).longValue(),
                row.get("account_refunded_cents"));
        assertEquals(pa, row.get("payment_intent_id"));
        assertEquals(
                0,
                ledger.number(
                        "select sum(debit_cents) - sum(credit_cents) from journal_lines where entry_id = ?",
                        "CN-" + re));
        assertEquals(4000L, ledger.payment(pa).get("refunded_cents"));
        // the refund.create webhook of the same refund books nothing twice
        DemoScenario.await(
                () -> sandbox.deliveries().stream()
                        .anyMatch(d -> d.succeeded()
                                && "refund.create".equals(d.eventType())
                                && d.body().contains(re)),
                "refund.create of " + re + " answered");
        assertEquals(1, ledger.number("select count(*) from refunds where refund_id = ?", re));
        Map<String, Object> audit = ledger.rows(
                        "select * from operator_audit where action = 'refund' and target = ?" + " order by id desc", pa)
                .get(0);
        assertEquals(200, ((Number) audit.get("http_status")).intValue());
        assertTrue(String.valueOf(audit.get("outcome")).contains(re), String.valueOf(audit));
        // the claim is released: the rest can still be refunded
        assertEquals(0, ledger.number("select count(*) from refund_claims where payment_intent_id = ?", pa));
        List<RecordedRequest> creates = sandbox.requests().stream()
                .filter(q -> "POST".equals(q.method())
                        && q.path().endsWith("/refunds")
                        && q.bodyText().contains(pa))
                .toList();
        assertEquals(1, creates.size());
    }
}
