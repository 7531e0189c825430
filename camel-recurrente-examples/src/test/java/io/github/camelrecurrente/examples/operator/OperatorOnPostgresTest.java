package io.github.camelrecurrente.examples.operator;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.demo.DemoScenario;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.testsupport.SignedWebhooks;
import io.github.camelrecurrente.examples.testsupport.TestPostgres;
import io.github.camelrecurrente.examples.testsupport.TestStacks;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator side's SQL on a real PostgreSQL server (embedded, from Maven artifacts): the refund checks and
 * booking, a thin refund.create, refund dead letters, the audit rows and the status page.
 */
class OperatorOnPostgresTest {

    @TempDir
    Path dir;

    @Test
    void refundsAuditAndStatusPageOnPostgres() throws Exception {
        Map<String, String> props = TestStacks.properties(dir);
        props.put("ledger.jdbc-url", TestPostgres.newDatabase("operator"));
        props.put("ledger.username", "postgres");
        props.put("ledger.password", "postgres");
        try (ExamplesStack stack = ExamplesStack.start(props)) {
            RecurrenteSandbox sandbox = stack.sandbox().sandbox();
            LedgerReport ledger = new LedgerReport(stack.app().ledger());
            String checkout = sandbox.createCheckout(20000, "GTQ");
            String pa = (String)
                    sandbox.payCheckout(checkout, PaymentOptions.defaults()).get("id");
            DemoScenario.await(() -> ledger.paymentCount(pa) == 1, "payment posted");

            assertEquals(
                    404,
                    TestStacks.opsPost(props, "/ops/refunds", "{\"payment_intent_id\": \"pa_none\"}")
                            .statusCode());
            assertEquals(
                    422,
                    TestStacks.opsPost(
                                    props,
                                    "/ops/refunds",
                                    "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 20001}")
                            .statusCode());
            HttpResponse<String> partial = TestStacks.opsPost(
                    props, "/ops/refunds", "{\"payment_intent_id\": \"" + pa + "\", \"amount_in_cents\": 5000}");
            assertEquals(200, partial.statusCode(), partial.body());
            assertEquals(5000L, ((Number) ledger.payment(pa).get("refunded_cents")).longValue());

            // a refund made elsewhere, its webhook thin
            sandbox.dropNext(stack.sandbox().webhookEndpointId(), 1, "refund\\.create");
            String re = stack.app()
                    .producer()
                    .requestBody(
                            "recurrente:createRefund",
                            Map.of("payment_intent_id", pa, "amount_in_cents", 1000),
                            Refund.class)
                    .getId();
            HttpResponse<String> thin = SignedWebhooks.deliverAndAwaitPosting(
                    stack.sandbox().webhookUrl(),
                    stack.sandbox().appProperties().get("recurrente.webhook.secret"),
                    "{\"event_type\": \"refund.create\", \"refund\": {\"id\": \"" + re
                            + "\"}, \"checkout\": {\"id\": \"" + checkout + "\"}}",
                    ledger);
            assertTrue(thin.statusCode() / 100 == 2, thin.body());
            assertEquals(
                    1000L,
                    ((Number) ledger.rows("select customer_refunded_cents from refunds where refund_id = ?", re)
                                    .get(0)
                                    .get("customer_refunded_cents"))
                            .longValue());
            HttpResponse<String> unknown = SignedWebhooks.deliverAndAwaitPosting(
                    stack.sandbox().webhookUrl(),
                    stack.sandbox().appProperties().get("recurrente.webhook.secret"),
                    "{\"event_type\": \"refund.create\", \"refund\": {\"id\": \"re_pg_unknown\"}}",
                    ledger);
            assertTrue(unknown.statusCode() / 100 == 2, unknown.body());
            assertEquals(
                    1, ledger.number("select count(*) from refund_dead_letters where refund_id = 're_pg_unknown'"));
            assertEquals(
                    200, TestStacks.opsPost(props, "/ops/refunds/retry", "").statusCode());
            assertEquals(200, TestStacks.opsPost(props, "/ops/reconcile", "").statusCode());

            try (Connection c = stack.app().ledger().getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "insert into fel_dead_letters (payment_intent_id, error_message) values (?, ?)")) {
                s.setString(1, pa);
                s.setString(2, "<b>certifier down</b>");
                s.executeUpdate();
            }
            HttpResponse<String> page = TestStacks.send(
                    "GET",
                    TestStacks.opsUrl(props) + "/ops/status",
                    null,
                    "Authorization",
                    "Bearer " + TestStacks.OPS_TOKEN);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("&lt;b&gt;certifier down&lt;/b&gt;"), page.body());
            assertFalse(page.body().contains("<b>certifier"));
            assertTrue(page.body().contains("re_pg_unknown"), "the refund dead letter is listed");
            assertTrue(page.body().contains("Deliveries "), "webhook outcomes of the last hour");
            assertEquals(5, ledger.number("select count(*) from operator_audit where token_label = 'ops-test'"));
        }
    }
}
