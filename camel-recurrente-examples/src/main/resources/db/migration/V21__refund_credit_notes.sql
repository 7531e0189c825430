-- FEL credit notes (NCRE) for refunds of invoiced payments (issue #20, RefundCredits). Portable DDL: H2 2.x and
-- PostgreSQL 12+.
--   credit_status      PENDING (to look at), ISSUED (the NCRE is certified), NOT_APPLICABLE (the payment has no
--                      certified invoice to credit: fel.certifier=off when it was paid, cancelled, or not in the ledger)
--                      or DEAD (SAT's rules refused it or INFILE rejected it: see fel_dead_letters)
--   credit_uuid, credit_serie, credit_numero, credit_pdf_url   the NCRE as the certifier answered it
--   credit_grand_total its GranTotal (what later credit notes of the same invoice add to)
--   credited_at        when it was recorded (UTC)
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_status VARCHAR(16) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_uuid VARCHAR(64);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_serie VARCHAR(64);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_numero VARCHAR(64);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_pdf_url VARCHAR(1024);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_grand_total DECIMAL(18, 6);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credited_at TIMESTAMP;
