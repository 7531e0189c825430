package io.github.camelrecurrente.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.AccountData;

/** Receives the webhook events produced by state changes. */
@FunctionalInterface
public interface EventSink {

    /**
     * Emits one event of an account.
     *
     * @param data      the account
     * @param eventType e.g. {@code payment_intent.succeeded}
     * @param payload   the full flat payload (already carries {@code event_type})
     */
    void emit(AccountData data, String eventType, ObjectNode payload);
}
