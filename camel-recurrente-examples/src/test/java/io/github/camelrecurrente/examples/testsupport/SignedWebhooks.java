package io.github.camelrecurrente.examples.testsupport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;

/** Sends a webhook signed as Recurrente (Svix) signs it, for event shapes the emulator does not send. */
public final class SignedWebhooks {

    private SignedWebhooks() {}

    public static HttpResponse<String> deliver(String url, String webhookSecret, String body) throws Exception {
        return deliver(
                url,
                webhookSecret,
                body,
                "msg_test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * Delivers, then waits until the app's inbox poster has posted the stored delivery once (DONE, or a failed attempt
     * recorded): the 2xx only says the delivery is stored.
     */
    public static HttpResponse<String> deliverAndAwaitPosting(
            String url, String webhookSecret, String body, LedgerReport ledger) throws Exception {
        String id = "msg_test_" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> answer = deliver(url, webhookSecret, body, id);
        if (answer.statusCode() / 100 == 2) {
            TestStacks.await(
                    () -> ledger.number(
                                    "select count(*) from webhook_inbox where message_id = ?"
                                            + " and (status <> 'RECEIVED' or attempts > 0)",
                                    id)
                            == 1,
                    Duration.ofSeconds(30),
                    "delivery " + id + " posted");
        }
        return answer;
    }

    private static HttpResponse<String> deliver(String url, String webhookSecret, String body, String id)
            throws Exception {
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
