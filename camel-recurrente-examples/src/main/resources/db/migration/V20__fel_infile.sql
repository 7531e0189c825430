-- FEL through INFILE (issue #20): what the ledger keeps of each payment's certified invoice, and why a payment is in
-- the FEL dead letters. Portable DDL: H2 2.x and PostgreSQL 12+. (V20: a number clear of the other branches' V8...)

-- The document's identity and what a credit note or an anulación must repeat (OriginalDocument):
--   fel_emitted_at       its FechaHoraEmision (UTC), chosen at the first attempt and kept for every retry
--   fel_revision         0; +1 when the operator replays a document INFILE rejected (a new identificador)
--   invoice_serie/numero as the certifier answered them (invoice_number keeps "serie-numero")
--   invoice_receptor     its IDReceptor: CF, the NIT, or CUI:<13 digits>
--   invoice_grand_total / invoice_iva_total  its GranTotal and IVA
--   invoice_url          (V1) the certifier's PDF, pushed as tax_invoice_url
--   invoice_verification_url  SAT's public verification page of the document
--   invoice_certified_by INFILE, or INFILE STAND-IN (never a real invoice)
ALTER TABLE payments ADD COLUMN IF NOT EXISTS fel_emitted_at TIMESTAMP;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS fel_revision INT DEFAULT 0 NOT NULL;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_serie VARCHAR(64);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_numero VARCHAR(64);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_receptor VARCHAR(32);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_grand_total DECIMAL(18, 6);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_iva_total DECIMAL(18, 6);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_verification_url VARCHAR(1024);
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_certified_by VARCHAR(32);
-- The operator's anulación of the invoice (FelCancellation, POST /ops/fel/cancel): when (UTC) and why
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_cancelled_at TIMESTAMP;
ALTER TABLE payments ADD COLUMN IF NOT EXISTS invoice_cancel_reason VARCHAR(255);

-- Why a payment is in the dead letters (FelOutbox.deadLetter): failure_kind REFUSAL (a SAT rule, checked before
-- sending), REJECTION (the certifier answered resultado false or refused the credentials), UNAVAILABLE (after every
-- retry) or ERROR (another step failed); failure_code SAT's rule code (e.g. FEL_RCP535) or ours; reason; and what the
-- operator can do (operator_action), shown on the status page.
ALTER TABLE fel_dead_letters ADD COLUMN IF NOT EXISTS failure_kind VARCHAR(16);
ALTER TABLE fel_dead_letters ADD COLUMN IF NOT EXISTS failure_code VARCHAR(64);
ALTER TABLE fel_dead_letters ADD COLUMN IF NOT EXISTS reason VARCHAR(2000);
ALTER TABLE fel_dead_letters ADD COLUMN IF NOT EXISTS operator_action VARCHAR(500);
