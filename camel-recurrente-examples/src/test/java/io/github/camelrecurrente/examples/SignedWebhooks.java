package io.github.camelrecurrente.examples;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Sends a webhook signed as Recurrente (Svix) signs it, for event shapes the emulator does not send. */
final class SignedWebhooks {

    private SignedWebhooks() {
    }

    static HttpResponse<String> deliver(String url, String webhookSecret, String body) throws Exception {
        String id = "msg_test_" + UUID.randomUUID().toString().replace("-", "");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        byte[] key = Base64.getDecoder().decode(webhookSecret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return TestStacks.send("POST", url, body, "Content-Type", "application/json", "svix-id", id,
                "svix-timestamp", timestamp, "svix-signature", "v1," + signature);
    }
}
