package io.github.camelrecurrente.component.kamelets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets shipped in the jar (kamelets/*.kamelet.yaml), used by YAML routes in Camel Main against the sandbox:
 * recurrente-action creates and reads a checkout (JSON in, JSON out), the sandbox pays it and delivers a signed
 * webhook over HTTP into recurrente-events-source, and recurrente-paid-checkouts-source polls the paid checkout.
 */
class RecurrenteKameletsYamlTest {

    private static final String SK = "sk_test_kamelets_secret";

    @Test
    void kameletsShipInTheJarInCatalogFormat() throws Exception {
        for (String name :
                new String[] {"recurrente-events-source", "recurrente-action", "recurrente-paid-checkouts-source"}) {
            try (InputStream in = getClass().getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
                assertNotNull(in, name + " is on the classpath under kamelets/");
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(yaml.contains("kind: Kamelet"), name);
                assertTrue(yaml.contains("  name: " + name + "\n"), name);
                String type = name.substring(name.lastIndexOf('-') + 1);
                assertTrue(yaml.contains("camel.apache.org/kamelet.type: \"" + type + "\""), name);
                assertFalse(yaml.contains("@project.version@"), "version filtered in " + name);
                assertTrue(yaml.contains("mvn:io.github.camelrecurrente:camel-recurrente:"), name);
            }
        }
    }

    @Test
    void yamlRoutesUseTheKameletsAgainstTheSandbox() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (RecurrenteSandbox sandbox = RecurrenteSandbox.builder()
                .port(0)
                .account("Kamelets", "pk_test_k", SK)
                .build()
                .start()) {
            String secret =
                    (String) sandbox.registerWebhookEndpoint(SK, "http://127.0.0.1:" + port + "/recurrente/events")
                            .get("signingSecret");
            Main main = new Main();
            main.addInitialProperty("camel.main.name", "kamelets-test");
            main.addInitialProperty("camel.main.routes-include-pattern", "classpath:kamelet-routes/*.yaml");
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.host", "127.0.0.1");
            main.addInitialProperty("camel.server.port", Integer.toString(port));
            main.addInitialProperty("camel.main.shutdown-timeout", "5");
            main.addInitialProperty("recurrente.secret-key", SK);
            main.addInitialProperty("recurrente.base-url", sandbox.baseUrl());
            main.addInitialProperty("recurrente.webhook-secret", secret);
            main.start();
            try {
                exercise(main, sandbox);
            } finally {
                main.stop();
            }
        }
    }

    private static void exercise(Main main, RecurrenteSandbox sandbox) throws Exception {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        MockEndpoint events = main.getCamelContext().getEndpoint("mock:events", MockEndpoint.class);
        MockEndpoint paid = main.getCamelContext().getEndpoint("mock:paid", MockEndpoint.class);

        // recurrente-action: JSON request in, the API's JSON answer out
        Exchange created = template.request(
                "direct:createCheckout",
                e -> e.getMessage()
                        .setBody(
                                "{\"items\":[{\"name\":\"Camisa típica\",\"amount_in_cents\":15000,\"currency\":\"GTQ\","
                                        + "\"quantity\":1}],\"success_url\":\"https://tienda.example/ok\"}"));
        assertNull(created.getException(), () -> String.valueOf(created.getException()));
        assertInstanceOf(String.class, created.getMessage().getBody());
        JsonNode checkout = json(created.getMessage().getBody(String.class));
        String id = checkout.get("id").asText();
        assertTrue(id.startsWith("ch_"), checkout.toString());
        assertTrue(checkout.has("checkout_url"), checkout.toString());

        Exchange got =
                template.request("direct:getCheckout", e -> e.getMessage().setHeader("recurrente-id", id));
        assertNull(got.getException(), () -> String.valueOf(got.getException()));
        JsonNode read = json(got.getMessage().getBody(String.class));
        assertEquals(id, read.get("id").asText());
        assertEquals("unpaid", read.get("status").asText());
        assertEquals("/api/checkouts/" + id, sandbox.lastRequest().path());

        // the sandbox pays it: a signed webhook over HTTP, and a poll that sees it paid
        events.expectedMinimumMessageCount(1);
        events.setResultWaitTime(30_000);
        paid.expectedMessageCount(1);
        paid.setResultWaitTime(30_000);
        sandbox.payCheckout(id);
        events.assertIsSatisfied();
        paid.assertIsSatisfied();

        Exchange event = events.getReceivedExchanges().get(0);
        JsonNode eventJson = json(event.getMessage().getBody(String.class));
        assertEquals("payment_intent.succeeded", eventJson.get("event_type").asText(), eventJson.toString());
        assertEquals("payment_intent.succeeded", event.getMessage().getHeader("recurrente-event-type"));
        assertNotNull(event.getMessage().getHeader("recurrente-event-id"));
        assertEquals("application/json", event.getMessage().getHeader("Content-Type"));

        JsonNode paidJson = json(paid.getReceivedExchanges().get(0).getMessage().getBody(String.class));
        assertEquals(id, paidJson.get("id").asText());
        assertEquals("paid", paidJson.get("status").asText());
        assertEquals(id, paid.getReceivedExchanges().get(0).getMessage().getHeader("recurrente-checkout-id"));
    }

    private static JsonNode json(String text) throws Exception {
        assertNotNull(text);
        return RecurrenteJson.mapper().readTree(text);
    }
}
