/**
 * The durable webhook inbox: a delivery is stored (table {@code webhook_inbox}), answered 2xx, then posted by one
 * node ({@code WebhookInbox}, claims with {@code FOR UPDATE SKIP LOCKED}); the intake rate that tells a burst
 * ({@code IntakeRate}); the gate that answers 503 while the node starts or stops ({@code DrainingGate}). Routes:
 * {@code routes/inbox/}.
 * <p>
 * May import: {@code ledger}. Never {@code standins}, {@code operator}, {@code app} or {@code demo}.
 */
package io.github.camelrecurrente.examples.inbox;
