-- The FEL outbox's effect journal (issue 14, "N nodes, exactly once"). Portable DDL: H2 2.x and PostgreSQL 12+.

-- Before each side effect outside the database (certifying at the FEL certifier, the tax_invoice_url PATCH, the
-- receipt email) the node working on the payment commits effect_step (CERTIFY, PUSH or MAIL), effect_node (itself)
-- and effect_started_at (bean felOutbox, method begin). The state update that records the effect (ISSUED, PUSHED,
-- DONE) sets effect_step back to NULL in the same statement. A payment claimed with effect_step set is in doubt for
-- that step: the node that started it stopped (died, or the payment was dead-lettered) between starting the effect
-- and recording it. effect_node and effect_started_at keep the last step started.
ALTER TABLE payments ADD COLUMN IF NOT EXISTS effect_step VARCHAR(16);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS effect_node VARCHAR(64);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS effect_started_at TIMESTAMP;

-- Append-only: every in-doubt step met, one row per marker (the key), with who started it, who resolved it and how
-- (FelOutbox.Resolution: LOOKUP_FOUND, LOOKUP_NONE, PATCH_REPEATED, RECEIPT_RESENT, RECEIPT_LOGGED).
CREATE TABLE IF NOT EXISTS fel_in_doubt (
    payment_intent_id   VARCHAR(64)  NOT NULL,
    step                VARCHAR(16)  NOT NULL,
    started_by          VARCHAR(64)  NOT NULL,
    started_at          TIMESTAMP    NOT NULL,
    resolved_by         VARCHAR(64)  NOT NULL,
    resolved_at         TIMESTAMP    NOT NULL,
    resolution          VARCHAR(32)  NOT NULL,
    PRIMARY KEY (payment_intent_id, step, started_at)
);
