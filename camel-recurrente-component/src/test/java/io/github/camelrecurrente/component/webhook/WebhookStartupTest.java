package io.github.camelrecurrente.component.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Startup errors of recurrente:events: missing or malformed secrets fail fast, with messages that show no secret. */
class WebhookStartupTest {

    private static String startupFailure(String uri) {
        int port = AvailablePortFinder.getNextAvailable();
        Exception e = assertThrows(
                Exception.class,
                () -> WebhookTestSupport.start(port, new RouteBuilder() {
                            @Override
                            public void configure() {
                                from(uri).to("mock:never");
                            }
                        })
                        .close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @Test
    void noSecretWhileVerifyingIsAStartupError() {
        String msg = startupFailure("recurrente:events");
        assertTrue(msg.contains("no webhook signing secret is configured"), msg);
        assertTrue(msg.contains("webhookSecret"), msg);
    }

    @Test
    void emptyOrPrefixOnlySecretIsAStartupError() {
        String msg = startupFailure("recurrente:events?webhookSecret=whsec_");
        assertTrue(msg.contains("nothing after the 'whsec_' prefix"), msg);
    }

    @Test
    void nonBase64SecretIsAStartupErrorThatDoesNotShowIt() {
        String msg = startupFailure("recurrente:events?webhookSecret=RAW(whsec_Sup3r*Secret!Value)");
        assertTrue(msg.contains("not valid base64"), msg);
        assertFalse(msg.contains("Sup3r"), "the secret must not appear: " + msg);
    }

    @Test
    void badEntryInASecretListIsNamedByPosition() {
        String good = SvixSigner.newSecret();
        String msg = startupFailure("recurrente:events?webhookSecret=RAW(" + good + ",whsec_Bad*Entry)");
        assertTrue(msg.contains("entry #2"), msg);
        assertFalse(msg.contains("Bad*Entry"), msg);
        assertFalse(msg.contains(good.substring(6)), msg);
    }

    @Test
    void verifySignatureFalseStartsWithoutSecretAndRoutesUnsignedEvents() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (WebhookTestSupport.App app = WebhookTestSupport.start(port, new RouteBuilder() {
            @Override
            public void configure() {
                from("recurrente:events?verifySignature=false").to("mock:unsigned");
            }
        })) {
            byte[] body = "{\"id\":\"in_1\",\"event_type\":\"intent.succeeded\"}".getBytes(StandardCharsets.UTF_8);
            assertEquals(
                    200,
                    WebhookTestSupport.post(port, "/recurrente/events", body, Map.of())
                            .statusCode());
            MockEndpoint mock = app.context().getEndpoint("mock:unsigned", MockEndpoint.class);
            assertEquals(1, mock.getReceivedCounter());
        }
    }
}
