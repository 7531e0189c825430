package io.github.camelrecurrente.component.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.camelrecurrente.component.RecurrenteConstants;
import io.github.camelrecurrente.component.model.event.IntentEvent;
import io.github.camelrecurrente.component.model.event.SubscriptionEvent;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The YAML routes of the docs (both forms), with the secret from a property placeholder. */
class RecurrenteEventsYamlTest {

    @Test
    void bothFormsWorkFromYaml() throws Exception {
        // a secret with '+': the webhook: form does not RAW-wrap our secret options, so URL decoding turns it into a
        // space
        String secret = SvixSigner.newSecret();
        while (!secret.contains("+")) {
            secret = SvixSigner.newSecret();
        }
        int port = AvailablePortFinder.getNextAvailable();
        try (WebhookTestSupport.App app = WebhookTestSupport.start(
                port,
                null,
                Map.of(),
                Map.of(
                        "camel.main.routes-include-pattern",
                        "classpath:webhook/events-routes.yaml",
                        "recurrente.webhook.secret",
                        secret))) {
            byte[] sub = WebhookTestSupport.resource("subscription.create.postman-docs.json");
            HttpResponse<String> r = WebhookTestSupport.post(
                    port, "/yaml/standalone", sub, WebhookTestSupport.signed(secret, "msg_yaml1", sub));
            assertEquals(200, r.statusCode(), r.body());
            MockEndpoint standalone = app.context().getEndpoint("mock:yaml-standalone", MockEndpoint.class);
            assertEquals(1, standalone.getReceivedCounter());
            assertInstanceOf(
                    SubscriptionEvent.class,
                    standalone.getReceivedExchanges().get(0).getIn().getBody());

            byte[] intent = "{\"id\":\"in_y\",\"event_type\":\"intent.succeeded\",\"type\":\"payment\"}"
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(
                    200,
                    WebhookTestSupport.post(
                                    port,
                                    "/yaml/webhook",
                                    intent,
                                    WebhookTestSupport.signed(secret, "msg_yaml2", intent))
                            .statusCode());
            // a legacy event on the unified-only route is acknowledged and not routed
            assertEquals(
                    "ignored",
                    WebhookTestSupport.post(
                                    port, "/yaml/webhook", sub, WebhookTestSupport.signed(secret, "msg_yaml3", sub))
                            .body());
            // a wrong signature is refused
            assertEquals(
                    401,
                    WebhookTestSupport.post(
                                    port,
                                    "/yaml/webhook",
                                    intent,
                                    WebhookTestSupport.signed(SvixSigner.newSecret(), "msg_yaml4", intent))
                            .statusCode());
            MockEndpoint webhook = app.context().getEndpoint("mock:yaml-webhook", MockEndpoint.class);
            assertEquals(1, webhook.getReceivedCounter());
            assertInstanceOf(
                    IntentEvent.class,
                    webhook.getReceivedExchanges().get(0).getIn().getBody());
            assertEquals(
                    "msg_yaml2", webhook.getReceivedExchanges().get(0).getIn().getHeader(RecurrenteConstants.EVENT_ID));
        }
    }

    @Test
    void jdbcRepositoryBeanFromYaml() throws Exception {
        String secret = SvixSigner.newSecret();
        int port = AvailablePortFinder.getNextAvailable();
        try (WebhookTestSupport.App app = WebhookTestSupport.start(
                port,
                null,
                Map.of(),
                Map.of(
                        "camel.main.routes-include-pattern",
                        "classpath:webhook/events-jdbc-routes.yaml",
                        "recurrente.webhook.secret",
                        secret))) {
            byte[] body = WebhookTestSupport.resource("payment_intent.succeeded.postman-docs.json");
            Map<String, String> headers = WebhookTestSupport.signed(secret, "msg_jdbc1", body);
            assertEquals(
                    "ok",
                    WebhookTestSupport.post(port, "/yaml/jdbc", body, headers).body());
            assertEquals(
                    "duplicate",
                    WebhookTestSupport.post(port, "/yaml/jdbc", body, headers).body());
            MockEndpoint mock = app.context().getEndpoint("mock:yaml-jdbc", MockEndpoint.class);
            assertEquals(1, mock.getReceivedCounter());
            JdbcMessageIdRepository repo =
                    app.context().getRegistry().lookupByNameAndType("recurrenteEvents", JdbcMessageIdRepository.class);
            assertEquals(true, repo.contains("msg_jdbc1"));
        }
    }
}
