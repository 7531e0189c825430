package io.github.camelrecurrente.examples;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.github.camelrecurrente.sandbox.testing.SvixSigner;

/** Sends a webhook signed as Recurrente (Svix) signs it, for event shapes the emulator does not send. */
final class SignedWebhooks {

    private SignedWebhooks() {}

    static HttpResponse<String> deliver(String url, String webhookSecret, String body) throws Exception {
        String id = "msg_test_" + UUID.randomUUID().toString().replace("-", "");
        long timestamp = Instant.now().getEpochSecond();
        String signature = SvixSigner.sign(webhookSecret, id, timestamp, body.getBytes(StandardCharsets.UTF_8));
        return TestStacks.send(
                "POST",
                url,
                body,
                "Content-Type",
                "application/json",
                "svix-id",
                id,
                "svix-timestamp",
                String.valueOf(timestamp),
                "svix-signature",
                signature);
    }
}
