-- The webhook inbox becomes durable (issue 14, the month-end burst). Portable DDL: H2 2.x and PostgreSQL 12+.
-- A delivery is stored as RECEIVED (its body exactly as received and verified) and answered 2xx once the insert is
-- committed; the nodes then post from this table (bean webhookInbox, WebhookInbox.java): a batch is claimed with
-- SELECT ... FOR UPDATE SKIP LOCKED and owned until claimed_until; a failed posting is due again at next_attempt_at,
-- and after the last retry it is DEAD until an operator replays it. Columns kept from V3: node_id is the node that
-- received the delivery, claimed_at when it was received (pruning of DONE rows uses it).

-- V3's claims of deliveries in progress have no body: forget them, so the sender's retry is stored and posted.
DELETE FROM webhook_inbox WHERE status = 'CLAIMED';

ALTER TABLE webhook_inbox ADD COLUMN IF NOT EXISTS event_type VARCHAR(64);
ALTER TABLE webhook_inbox ADD COLUMN IF NOT EXISTS signed_at VARCHAR(20);
ALTER TABLE webhook_inbox ADD COLUMN IF NOT EXISTS body TEXT;
ALTER TABLE webhook_inbox ADD COLUMN IF NOT EXISTS attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE webhook_inbox ADD COLUMN IF NOT EXISTS next_attempt_at TIMESTAMP;
ALTER TABLE webhook_inbox ADD COLUMN IF NOT EXISTS claimed_by VARCHAR(64);
ALTER TABLE webhook_inbox ADD COLUMN IF NOT EXISTS claimed_until TIMESTAMP;
ALTER TABLE webhook_inbox ADD COLUMN IF NOT EXISTS last_error VARCHAR(1000);
CREATE INDEX IF NOT EXISTS webhook_inbox_due ON webhook_inbox (status, next_attempt_at);
