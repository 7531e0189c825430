package io.github.camelrecurrente.examples.standins;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelrecurrente.sandbox.RecurrenteSandbox;

/**
 * Sandbox mode (no Recurrente keys configured): the local {@link RecurrenteSandbox} emulator on 127.0.0.1 with the
 * app's webhook endpoint registered there, plus the properties that point the {@code recurrente} component at it.
 * No network and no real keys: the sandbox's own test keys and the signing secret it issued for the endpoint.
 */
public final class SandboxEnvironment implements AutoCloseable {

    /** Webhook retries: long enough to ride out an app restart (Recurrente/Svix retry over hours). */
    public static final Duration[] RETRY_SCHEDULE = {
        Duration.ZERO,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(4),
        Duration.ofSeconds(8),
        Duration.ofSeconds(15)
    };

    private final RecurrenteSandbox sandbox;
    private final String webhookEndpointId;
    private final String webhookSecret;
    private final String webhookUrl;

    private SandboxEnvironment(
            RecurrenteSandbox sandbox, String webhookEndpointId, String webhookSecret, String webhookUrl) {
        this.sandbox = sandbox;
        this.webhookEndpointId = webhookEndpointId;
        this.webhookSecret = webhookSecret;
        this.webhookUrl = webhookUrl;
    }

    /**
     * Starts the emulator and registers {@code webhookUrl} (the app's {@code recurrente:events} URL) as its webhook
     * endpoint, as {@code POST /webhook_endpoints} does at Recurrente.
     */
    public static SandboxEnvironment start(String webhookUrl) {
        RecurrenteSandbox sandbox = RecurrenteSandbox.builder()
                .port(0)
                .account(
                        "Mi Tienda (sandbox)",
                        RecurrenteSandbox.DEFAULT_PUBLIC_KEY,
                        RecurrenteSandbox.DEFAULT_SECRET_KEY)
                .webhookRetrySchedule(RETRY_SCHEDULE)
                .build()
                .start();
        try {
            Map<String, Object> endpoint = sandbox.registerWebhookEndpoint(webhookUrl);
            return new SandboxEnvironment(
                    sandbox,
                    String.valueOf(endpoint.get("id")),
                    String.valueOf(endpoint.get("signingSecret")),
                    webhookUrl);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** The properties that point the app at the emulator (override application.properties). */
    public Map<String, String> appProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("recurrente.public-key", sandbox.defaultAccount().publicKey());
        p.put("recurrente.secret-key", sandbox.defaultAccount().secretKey());
        p.put("recurrente.base-url", sandbox.baseUrl());
        p.put("recurrente.webhook.secret", webhookSecret);
        return p;
    }

    public RecurrenteSandbox sandbox() {
        return sandbox;
    }

    public String webhookEndpointId() {
        return webhookEndpointId;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
