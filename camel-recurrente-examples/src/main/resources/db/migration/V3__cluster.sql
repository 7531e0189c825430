-- Several nodes on one database (issue 14): what makes them one system. Portable DDL: H2 2.x and PostgreSQL 12+.

-- Webhook deliveries by svix-id (bean webhookInbox, the idempotentRepository of recurrente:events). A node claims a
-- delivery by inserting its id (the primary key lets one node win), routes it, then marks it DONE. A claim older
-- than recurrente.webhook.claim-lease belongs to a node that died: another node may take it over.
CREATE TABLE IF NOT EXISTS webhook_inbox (
    message_id      VARCHAR(128) PRIMARY KEY,
    status          VARCHAR(16)  NOT NULL,
    node_id         VARCHAR(64)  NOT NULL,
    claimed_at      TIMESTAMP    NOT NULL,
    done_at         TIMESTAMP
);
CREATE INDEX IF NOT EXISTS webhook_inbox_claimed_at ON webhook_inbox (claimed_at);

-- FEL outbox claims (bean felOutbox): a node takes a batch of unfinished payments with SELECT ... FOR UPDATE SKIP
-- LOCKED and owns them until claimed_until; claim_count > 1 means a node took over another node's claim.
ALTER TABLE payments ADD COLUMN IF NOT EXISTS claimed_by VARCHAR(64);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS claimed_until TIMESTAMP;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS claim_count INT DEFAULT 0 NOT NULL;
CREATE INDEX IF NOT EXISTS payments_invoice_status ON payments (invoice_status, posted_at);
