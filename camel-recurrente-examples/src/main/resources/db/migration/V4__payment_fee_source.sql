-- Fee and IVA withheld booked from a documented source (issue 13). Portable DDL: H2 2.x and PostgreSQL 12+.
-- A payment whose fee is not known when it is posted (a bank transfer event, which documents no fee; a payment
-- rebuilt by the reconciliation: GET /checkouts and GET /intents document none) is posted with fee_cents,
-- vat_withheld_cents and net_cents NULL and fee_source PENDING; the answer of PATCH/PUT /payment_intents/{id} (the FEL
-- push-back, documented with fee and vat_withheld) books them later (journal entry FEE-<id>, fee_source
-- PAYMENT_INTENT). EVENT: the payment event carried them.
ALTER TABLE payments ALTER COLUMN fee_cents DROP NOT NULL;
ALTER TABLE payments ALTER COLUMN vat_withheld_cents DROP NOT NULL;
ALTER TABLE payments ALTER COLUMN net_cents DROP NOT NULL;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS fee_source VARCHAR(16) DEFAULT 'EVENT' NOT NULL;
