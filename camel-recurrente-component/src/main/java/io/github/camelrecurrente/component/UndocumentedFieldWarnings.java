package io.github.camelrecurrente.component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request fields the component passes through although the API reference does not document them, each logged at
 * WARN once per endpoint (the first request that carries it): {@code createRefund} with {@code amount_in_cents} (a
 * partial refund; the reference's "Create a refund" takes only {@code payment_intent_id} and refunds the full
 * amount) or {@code intent_id} (an {@code in_...} id, seen only in a third-party module). The log line names the
 * field, never a value.
 */
final class UndocumentedFieldWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(UndocumentedFieldWarnings.class);

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** Logs once per field when the request body carries a field the reference does not document. */
    void check(RecurrenteOperation op, JsonNode body) {
        if (op != RecurrenteOperation.createRefund || body == null || !body.isObject()) {
            return;
        }
        if (present(body, "amount_in_cents") && warned.add("createRefund.amount_in_cents")) {
            LOG.warn("createRefund: amount_in_cents (a partial refund) is sent as you set it, but the Recurrente API"
                    + " reference documents only payment_intent_id and promises full refunds; check"
                    + " customer_refunded_amount_in_cents in the answer (or getRefund) for what was refunded."
                    + " Logged once per endpoint.");
        }
        if (present(body, "intent_id") && warned.add("createRefund.intent_id")) {
            LOG.warn("createRefund: intent_id is sent as you set it, but the Recurrente API reference documents"
                    + " payment_intent_id (pa_...). Logged once per endpoint.");
        }
    }

    private static boolean present(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v != null && !v.isNull();
    }
}
