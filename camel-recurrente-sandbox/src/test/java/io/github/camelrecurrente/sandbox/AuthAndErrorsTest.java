package io.github.camelrecurrente.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthAndErrorsTest {

    private static RecurrenteSandbox sandbox;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        sandbox = RecurrenteSandbox.builder()
                .port(0)
                .account("Mi Tienda", "pk_test_x", "sk_test_x")
                .build()
                .start();
        http = new TestHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void modernErrors() {
        sandbox.setLegacyErrors(false);
    }

    @Test
    void testEndpointAnswersTheAccountName() {
        TestHttp.Resp r = http.get("/api/test");
        assertEquals(200, r.status());
        assertEquals("Hello Mi Tienda 🌎", r.json().get("message").asText());
        assertTrue(r.body().contains("🌎"), "emoji sent as raw UTF-8 like the real API: " + r.body());
        assertEquals("http://127.0.0.1:" + sandbox.port() + "/api", sandbox.baseUrl());
    }

    @Test
    void secretKeyAloneIsEnough() {
        assertEquals(200, http.as(null, "sk_test_x").get("/api/test").status());
    }

    @Test
    void missingSecretKeyIs401WithTheDocumentedBody() {
        TestHttp.Resp r = http.as("pk_test_x", null).get("/api/test");
        assertEquals(401, r.status());
        JsonNode j = r.json();
        assertEquals("Autenticación Errónea 👀", j.get("message").asText());
        assertEquals(
                "Las llaves de API son inválidas o no coinciden.",
                j.at("/errors/authentication/0").asText());
    }

    @Test
    void wrongSecretKeyIs401() {
        assertEquals(
                401, http.as("pk_test_x", "sk_test_wrong").get("/api/checkouts").status());
    }

    @Test
    void publicKeyOfAnotherAccountIs401() {
        assertEquals(401, http.as("pk_test_other", "sk_test_x").get("/api/test").status());
    }

    @Test
    void unknownIdIs404WithMessageAndErrors() {
        TestHttp.Resp r = http.get("/api/checkouts/ch_doesnotexist0000");
        assertEquals(404, r.status());
        assertTrue(r.json().get("message").asText().contains("ch_doesnotexist0000"));
        assertTrue(r.json().get("errors").isObject());
        for (String path : new String[] {
            "/api/products/prod_x",
            "/api/coupons/coup_x",
            "/api/subscriptions/su_x",
            "/api/refunds/re_x",
            "/api/intents/in_x",
            "/api/customers/cus_x"
        }) {
            assertEquals(404, http.get(path).status(), path);
        }
        assertEquals(
                404,
                http.patch("/api/payment_intents/pa_x", "{\"payment_intent\":{\"tax_invoice_url\":\"u\"}}")
                        .status());
        assertEquals(404, http.delete("/api/webhook_endpoints/ep_x").status());
    }

    @Test
    void unknownRouteIs404() {
        assertEquals(404, http.get("/api/invoices").status());
        assertEquals(404, http.delete("/api/checkouts").status());
    }

    @Test
    void malformedJsonIs400() {
        TestHttp.Resp r = http.post("/api/checkouts", "{not json");
        assertEquals(400, r.status());
        assertTrue(r.json().has("message"));
    }

    @Test
    void legacyErrorShapeCanBeSwitchedOn() {
        sandbox.setLegacyErrors(true);
        TestHttp.Resp r = http.post("/api/checkouts", "{\"items\":[]}");
        assertEquals(422, r.status());
        assertTrue(r.json().get("error").isTextual(), r.body());
        assertFalse(r.json().has("errors"));
        TestHttp.Resp unauthorized = http.as(null, "nope").get("/api/test");
        assertEquals(401, unauthorized.status());
        assertEquals(
                "Autenticación Errónea 👀", unauthorized.json().get("error").asText());
    }

    @Test
    void legacyErrorsFromTheBuilder() {
        try (RecurrenteSandbox legacy =
                RecurrenteSandbox.builder().legacyErrors(true).build().start()) {
            TestHttp.Resp r = new TestHttp(legacy).get("/api/checkouts/ch_nope");
            assertEquals(404, r.status());
            assertTrue(r.json().has("error"));
            assertTrue(legacy.legacyErrors());
        }
    }

    @Test
    void secretKeyNeverAppearsInToString() {
        http.get("/api/test");
        assertFalse(
                sandbox.lastRequest().toString().contains("sk_test_x"),
                sandbox.lastRequest().toString());
        assertFalse(sandbox.defaultAccount().toString().contains("sk_test_x"));
        assertFalse(sandbox.toString().contains("sk_test_x"));
        assertEquals("sk_test_x", sandbox.lastRequest().header("X-SECRET-KEY"));
    }
}
