package io.github.camelrecurrente.sandbox;

import java.time.Instant;

/**
 * One webhook message emitted by the sandbox (whether or not any endpoint is registered).
 *
 * @param messageId   Svix message id ({@code msg_...})
 * @param eventType   event type
 * @param accountName the account the event belongs to
 * @param body        JSON body
 * @param createdAt   emission time
 */
public record WebhookEvent(String messageId, String eventType, String accountName, String body, Instant createdAt) {}
