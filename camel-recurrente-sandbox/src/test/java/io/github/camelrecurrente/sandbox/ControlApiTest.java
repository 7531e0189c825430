package io.github.camelrecurrente.sandbox;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlApiTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext =
            RecurrenteSandboxExtension.of(RecurrenteSandbox.builder().journalCapacity(3));

    private TestHttp api() {
        return new TestHttp(ext.sandbox());
    }

    private TestHttp control() {
        return new TestHttp(ext.sandbox().rootUrl(), null, null);
    }

    @Test
    void controlsNeedNoAuthAndListThemselves() {
        TestHttp.Resp r = control().get("/sandbox");
        assertEquals(200, r.status());
        assertEquals(ext.sandbox().baseUrl(), r.json().get("base_url").asText());
        assertTrue(r.json().get("controls").size() > 5);
        assertEquals(404, control().get("/sandbox/nothing").status());
        assertEquals(404, control().get("/elsewhere").status());
    }

    @Test
    void paysAndInspectsOverHttp() {
        String id = api().checkout(1000, "GTQ");
        TestHttp.Resp pay = control()
                .post(
                        "/sandbox/checkouts/" + id + "/pay",
                        "{\"card_number\":\"4242 4242 4242 4242\",\"tax_id\":\"999\",\"tax_name\":\"ACME\","
                                + "\"phone_number\":\"+50255555555\",\"address\":{\"city\":\"Antigua\"}}");
        assertEquals(200, pay.status(), pay.body());
        String paId = pay.json().get("id").asText();
        JsonNode c = control().get("/sandbox/checkouts/" + id).json();
        assertEquals("paid", c.get("status").asText());
        assertEquals("999", c.at("/payment/paymentable/tax_id").asText());
        assertEquals("Antigua", c.at("/payment/paymentable/address/city").asText());
        assertEquals("+50255555555", c.at("/payment/paymentable/phone_number").asText());
        assertEquals(
                "succeeded",
                control()
                        .get("/sandbox/payment_intents/" + paId)
                        .json()
                        .get("status")
                        .asText());
        assertEquals(
                409, control().post("/sandbox/checkouts/" + id + "/pay", "{}").status());
        assertEquals(404, control().post("/sandbox/checkouts/ch_nope/pay", "{}").status());
        assertEquals(404, control().get("/sandbox/payment_intents/pa_nope").status());
        JsonNode events = control().get("/sandbox/events").json();
        assertEquals("payment_intent.succeeded", events.get(0).get("eventType").asText());
        assertEquals(paId, events.get(0).at("/body/id").asText());
    }

    @Test
    void bankTransferAndSubscriptionControls() {
        String id = api().checkout(1000, "GTQ");
        assertEquals(
                200,
                control()
                        .post("/sandbox/checkouts/" + id + "/bank_transfer", "{}")
                        .status());
        assertEquals("payment_in_progress", ext.sandbox().checkout(id).get("status"));
        assertEquals(
                200,
                control()
                        .post("/sandbox/checkouts/" + id + "/bank_transfer/succeed", "{}")
                        .status());
        assertEquals("paid", ext.sandbox().checkout(id).get("status"));

        String rec = api().recurringCheckout(5000);
        control().post("/sandbox/checkouts/" + rec + "/pay", "{}");
        String su = (String) ext.sandbox().checkout(rec).get("subscription_id");
        for (String action : List.of("renew", "fail", "pause", "unpause", "cancel")) {
            assertEquals(
                    200,
                    control()
                            .post("/sandbox/subscriptions/" + su + "/" + action, "{}")
                            .status(),
                    action);
        }
        assertEquals(
                "cancelled",
                control()
                        .get("/sandbox/subscriptions/" + su)
                        .json()
                        .get("status")
                        .asText());
        assertEquals(
                409,
                control().post("/sandbox/subscriptions/" + su + "/renew", "{}").status());
        assertEquals(
                404,
                control()
                        .post("/sandbox/subscriptions/" + su + "/explode", "{}")
                        .status());
    }

    @Test
    void journalIsBoundedAndMasksTheSecretOverHttp() {
        for (int i = 0; i < 5; i++) {
            api().get("/api/test?i=" + i);
        }
        List<RecordedRequest> requests = ext.sandbox().requests();
        assertEquals(3, requests.size());
        assertEquals("i=4", ext.sandbox().lastRequest().query());
        assertEquals("GET", requests.get(0).method());
        assertEquals("/api/test", requests.get(0).path());
        assertEquals(200, requests.get(0).status());
        api().post("/api/checkouts", "{\"items\":[]}");
        assertEquals("{\"items\":[]}", ext.sandbox().lastRequest().bodyText());
        assertEquals(422, ext.sandbox().lastRequest().status());
        TestHttp.Resp r = control().get("/sandbox/requests");
        assertEquals(3, r.json().size());
        assertFalse(r.body().contains(ext.sandbox().defaultAccount().secretKey()), r.body());
        assertTrue(r.json().get(2).at("/headers/x-secret-key").asText().endsWith("***"));
        assertEquals(200, control().delete("/sandbox/requests").status());
        assertTrue(ext.sandbox().requests().isEmpty());
        ext.sandbox().clearRequests();
        assertNull(ext.sandbox().lastRequest());
    }

    @Test
    void seedsAndResetsOverHttp() {
        TestHttp.Resp r = control()
                .post(
                        "/sandbox/seed/checkouts",
                        "{\"count\":30,\"from\":\"2024-01-01T00:00:00Z\",\"until\":\"2024-01-30T00:00:00Z\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(30, r.json().get("count").asInt());
        assertEquals("30", api().get("/api/checkouts").header("Total-Count"));
        assertEquals(200, control().post("/sandbox/reset", "{}").status());
        assertEquals("0", api().get("/api/checkouts").header("Total-Count"));
    }

    @Test
    void settingsOverHttp() {
        TestHttp.Resp r = control().post("/sandbox/settings", "{\"legacy_errors\":true}");
        assertTrue(r.json().get("legacy_errors").asBoolean());
        try {
            assertTrue(api().get("/api/checkouts/ch_x").json().has("error"));
        } finally {
            control().post("/sandbox/settings", "{\"legacy_errors\":false}");
        }
        assertTrue(api().get("/api/checkouts/ch_x").json().has("errors"));
    }
}
