package io.github.camelrecurrente.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookDeliveryTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.of(RecurrenteSandbox.builder()
            .webhookRetrySchedule(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(400))
            .webhookTimeout(Duration.ofSeconds(2)));

    private WebhookReceiver receiver;
    private TestHttp http;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
        http = new TestHttp(ext.sandbox());
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private String register() {
        TestHttp.Resp r = http.post(
                "/api/webhook_endpoints",
                "{\"url\":\"" + receiver.url() + "\",\"description\":\"tests\",\"metadata\":{\"k\":\"v\"}}");
        assertEquals(201, r.status(), r.body());
        return r.json().get("signingSecret").asText();
    }

    /** Independent Svix verification (not using the sandbox's signer). */
    private static boolean verifies(String secret, WebhookReceiver.Received m) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = m.header("svix-id") + "." + m.header("svix-timestamp") + "." + m.bodyText();
        String expected =
                "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        for (String candidate : m.header("svix-signature").split(" ")) {
            if (candidate.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void endpointCrudAndSecretOnlyAtCreation() {
        TestHttp.Resp r = http.post(
                "/api/webhook_endpoints",
                "{\"url\":\"" + receiver.url() + "\",\"description\":\"Mi endpoint\",\"metadata\":{}}");
        assertEquals(201, r.status());
        JsonNode ep = r.json();
        String id = ep.get("id").asText();
        assertTrue(id.startsWith("ep_"), id);
        assertEquals(receiver.url(), ep.get("url").asText());
        assertEquals("Mi endpoint", ep.get("description").asText());
        assertFalse(ep.get("disabled").asBoolean());
        assertTrue(ep.get("metadata").isObject());
        Instant.parse(ep.get("createdAt").asText());
        Instant.parse(ep.get("updatedAt").asText());
        assertTrue(ep.get("signingSecret").asText().startsWith("whsec_"));
        assertEquals(ep.get("signingSecret").asText(), ext.sandbox().signingSecret(id));

        JsonNode list = http.get("/api/webhook_endpoints").json();
        assertEquals(1, list.size());
        assertEquals(id, list.get(0).get("id").asText());
        assertFalse(list.get(0).has("signingSecret"));

        assertEquals(
                422,
                http.post("/api/webhook_endpoints", "{\"description\":\"no url\"}")
                        .status());
        assertEquals(200, http.delete("/api/webhook_endpoints/" + id).status());
        assertEquals(0, http.get("/api/webhook_endpoints").json().size());
    }

    @Test
    void deliversSignedSvixMessages() throws Exception {
        String secret = register();
        String checkout = http.checkout(10000, "GTQ");
        ext.sandbox().payCheckout(checkout);
        List<WebhookDelivery> ok = ext.sandbox().awaitDeliveries(2, Duration.ofSeconds(10));
        assertEquals(2, ok.size());
        List<WebhookReceiver.Received> got = receiver.received();
        assertEquals(2, got.size());
        for (WebhookReceiver.Received m : got) {
            assertTrue(verifies(secret, m), "signature must verify for " + m.header("svix-id"));
            assertTrue(m.header("svix-id").startsWith("msg_"));
            long ts = Long.parseLong(m.header("svix-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - ts) < 60);
            assertTrue(m.header("Content-Type").startsWith("application/json"));
            assertEquals(null, m.header("Upgrade"), "plain HTTP/1.1, no h2c upgrade");
        }
        assertNotEquals(got.get(0).header("svix-id"), got.get(1).header("svix-id"));
        JsonNode first = TestHttp.MAPPER.readTree(got.get(0).body());
        JsonNode second = TestHttp.MAPPER.readTree(got.get(1).body());
        List<String> types = List.of(
                first.get("event_type").asText(), second.get("event_type").asText());
        assertTrue(types.contains("payment_intent.succeeded") && types.contains("intent.succeeded"), types.toString());
        assertFalse(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[24]), got.get(0)));

        TestHttp.Resp log = new TestHttp(ext.sandbox()).get("/sandbox/deliveries");
        assertEquals(200, log.status());
        assertEquals(2, log.json().size());
        assertEquals(1, log.json().get(0).get("attempt").asInt());
        assertEquals(200, log.json().get(0).get("statusCode").asInt());
        assertEquals(receiver.url(), log.json().get(0).get("endpointUrl").asText());
        assertTrue(log.json().get(0).get("body").asText().contains("event_type"));
    }

    @Test
    void retriesAfterAServerErrorWithTheSameSvixId() throws Exception {
        String secret = register();
        ext.sandbox().setUnifiedEvents(false);
        try {
            receiver.answer(500);
            ext.sandbox().payCheckout(http.checkout(1000, "GTQ"));
            ext.sandbox().awaitDeliveries(1, Duration.ofSeconds(10));
        } finally {
            ext.sandbox().setUnifiedEvents(true);
        }
        List<WebhookReceiver.Received> got = receiver.received();
        assertEquals(2, got.size());
        assertEquals(got.get(0).header("svix-id"), got.get(1).header("svix-id"));
        assertTrue(verifies(secret, got.get(1)));
        List<WebhookDelivery> log = ext.sandbox().deliveries();
        assertEquals(2, log.size());
        assertEquals(1, log.get(0).attempt());
        assertEquals(500, log.get(0).statusCode());
        assertFalse(log.get(0).succeeded());
        assertEquals(2, log.get(1).attempt());
        assertEquals(200, log.get(1).statusCode());
        assertEquals(log.get(0).messageId(), log.get(1).messageId());
    }

    @Test
    void givesUpAfterTheScheduleAndRetriesConnectionErrors() {
        ext.sandbox().registerWebhookEndpoint("http://127.0.0.1:1/unreachable");
        ext.sandbox().setUnifiedEvents(false);
        try {
            ext.sandbox().payCheckout(http.checkout(1000, "GTQ"));
            List<WebhookDelivery> attempts = ext.sandbox().awaitAttempts(3, Duration.ofSeconds(10));
            assertEquals(
                    List.of(1, 2, 3),
                    attempts.stream().map(WebhookDelivery::attempt).toList());
            assertTrue(attempts.stream().allMatch(d -> d.statusCode() == 0 && d.error() != null));
        } finally {
            ext.sandbox().setUnifiedEvents(true);
        }
        assertThrows(IllegalStateException.class, () -> ext.sandbox().awaitDeliveries(1, Duration.ofMillis(300)));
    }

    @Test
    void dropsTheNextMessagesAndResendsOnDemand() {
        register();
        String endpointId =
                http.get("/api/webhook_endpoints").json().get(0).get("id").asText();
        ext.sandbox().dropNext(endpointId, 1, "payment_intent\\..*");
        ext.sandbox().payCheckout(http.checkout(1000, "GTQ"));
        ext.sandbox().awaitDeliveries(1, Duration.ofSeconds(10));
        List<WebhookDelivery> log = ext.sandbox().deliveries();
        WebhookDelivery dropped =
                log.stream().filter(WebhookDelivery::dropped).findFirst().orElseThrow();
        assertEquals("payment_intent.succeeded", dropped.eventType());
        assertEquals(
                "intent.succeeded",
                receiver.received().stream()
                        .map(m -> m.bodyText().contains("\"intent.succeeded\"") ? "intent.succeeded" : "other")
                        .findFirst()
                        .orElseThrow());
        assertEquals(1, receiver.received().size());

        assertEquals(1, ext.sandbox().resend(dropped.messageId()));
        ext.sandbox().awaitDeliveries(2, Duration.ofSeconds(10));
        WebhookReceiver.Received resent = receiver.received().get(1);
        assertEquals(dropped.messageId(), resent.header("svix-id"));
        assertTrue(resent.bodyText().contains("payment_intent.succeeded"));

        // a duplicate: the same message again, same svix-id
        ext.sandbox().resend(dropped.messageId());
        ext.sandbox().awaitDeliveries(3, Duration.ofSeconds(10));
        assertEquals(dropped.messageId(), receiver.received().get(2).header("svix-id"));
        assertThrows(IllegalArgumentException.class, () -> ext.sandbox().resend("msg_unknown"));
    }

    @Test
    void dropAndResendThroughTheControlApi() {
        register();
        TestHttp control = new TestHttp(ext.sandbox().rootUrl(), null, null);
        assertEquals(
                200, control.post("/sandbox/webhooks/drop", "{\"count\":2}").status());
        ext.sandbox().payCheckout(http.checkout(1000, "GTQ"));
        assertEquals(
                2,
                ext.sandbox().deliveries().stream()
                        .filter(WebhookDelivery::dropped)
                        .count());
        assertEquals(0, receiver.received().size());
        String msg = ext.sandbox().deliveries().get(0).messageId();
        assertEquals(
                200,
                control.post("/sandbox/deliveries/" + msg + "/resend", "{}").status());
        ext.sandbox().awaitDeliveries(1, Duration.ofSeconds(10));
        assertEquals(msg, receiver.received().get(0).header("svix-id"));
        assertEquals(
                404, control.post("/sandbox/deliveries/msg_nope/resend", "{}").status());
    }

    @Test
    void eachAccountDeliversToItsOwnEndpoints() {
        try (RecurrenteSandbox two = RecurrenteSandbox.builder()
                        .account("A", "pk_a", "sk_a")
                        .account("B", "pk_b", "sk_b")
                        .build()
                        .start();
                WebhookReceiver other = new WebhookReceiverOrFail().get()) {
            two.registerWebhookEndpoint("sk_a", receiver.url());
            two.registerWebhookEndpoint("sk_b", other.url());
            TestHttp b = new TestHttp(two.rootUrl(), "pk_b", "sk_b");
            two.payCheckout(b.checkout(1000, "GTQ"));
            two.awaitDeliveries(2, Duration.ofSeconds(10));
            assertEquals(0, receiver.received().size());
            assertEquals(2, other.received().size());
        }
    }

    /** Creates a receiver, turning the checked exception into an assertion error. */
    private static final class WebhookReceiverOrFail {
        WebhookReceiver get() {
            try {
                return new WebhookReceiver();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
