-- Books that never guess, the webhook side (issue 21). Portable DDL: H2 2.x and PostgreSQL 12+.

-- Subscription status follows the events' created_at (UTC wall-clock value): an event older than the last one applied
-- (a late subscription.past_due after subscription.cancel) changes nothing and sends no e-mail.
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS last_event_at TIMESTAMP;

-- Money that is not the merchant's own revenue, booked apart and never invoiced in the merchant's name
-- (ledger.connected-accounts = apart; "ignore" records nothing): the payments of connected (child) accounts
-- (events with connected: true / account_id) and the amounts a checkout's transfer_setups move to another account.
CREATE TABLE IF NOT EXISTS connected_account_amounts (
    source_id           VARCHAR(64)   NOT NULL,
    line_no             INT           NOT NULL,
    kind                VARCHAR(32)   NOT NULL,
    account_id          VARCHAR(64),
    event_type          VARCHAR(64)   NOT NULL,
    checkout_id         VARCHAR(64),
    currency            VARCHAR(3)    NOT NULL,
    amount_cents        BIGINT        NOT NULL,
    recorded_at         TIMESTAMP     NOT NULL,
    PRIMARY KEY (source_id, line_no)
);
-- the part of a payment its checkout's transfer_setups moved to other accounts (not in gross_cents, not invoiced)
ALTER TABLE payments ADD COLUMN IF NOT EXISTS transferred_cents BIGINT DEFAULT 0 NOT NULL;

-- Refunds are final only when GET /refunds/{id} says succeeded (pending is re-checked, a failed or voided one is
-- reversed: entry CN-REV-<id>); checked_at is the last re-check.
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS checked_at TIMESTAMP;
