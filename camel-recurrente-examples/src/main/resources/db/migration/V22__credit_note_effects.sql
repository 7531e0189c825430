-- FEL credit notes (NCRE): the buyer's mail, the effect journal of the certification, the operator's replay (issue #20,
-- RefundCredits, FelReplay). Portable DDL: H2 2.x and PostgreSQL 12+.
--
-- refunds (the NCRE of a refund, V21):
--   credit_effect_step        CERTIFY while a node sends the NCRE to INFILE: committed before the request, set back
--                             to NULL by the statement that records the NCRE (ISSUED). A refund read with it set is in
--                             doubt (an earlier try may have reached INFILE: lost answer, crash between the request
--                             and the commit): the NCRE is looked up by identificador before it is sent again.
--                             MAIL while a run mails the NCRE to the buyer (its claim: set back to NULL with
--                             credit_mail_status; older than fel.claim.lease: in doubt, email_log decides)
--   credit_effect_node        the node that started it; credit_effect_started_at when (UTC)
--   credit_emitted_at         the NCRE's emission time, kept from the first try (UTC): every retry sends the same
--                             document and the look-up asks for the right day
--   credit_revision           0; the operator's replay of a rejected NCRE sends the next (identificador NCRE-<id>-R1)
--   credit_verification_url   SAT's verification page of the NCRE
--   credit_mail_status        NULL while the NCRE is to be mailed to the buyer, then SENT, NO_ADDRESS (the payment
--                             has no e-mail) or WITHHELD (a stand-in's NCRE in real-API mode never reaches a buyer)
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_effect_step VARCHAR(16);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_effect_node VARCHAR(64);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_effect_started_at TIMESTAMP;
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_emitted_at TIMESTAMP;
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_revision INT DEFAULT 0 NOT NULL;
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_verification_url VARCHAR(1024);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS credit_mail_status VARCHAR(16);

-- fel_dead_letters.refund_id: the refund whose NCRE failed (NULL: the payment's own invoice), so that the replay of a
-- payment and the replay of a credit note each close their own rows, and the status page names the refund.
ALTER TABLE fel_dead_letters ADD COLUMN IF NOT EXISTS refund_id VARCHAR(64);

-- fel_in_doubt.refund_id: the refund of an in-doubt NCRE step (CREDIT: its certification, CREDIT_MAIL: its mail; NULL
-- for a payment's steps).
ALTER TABLE fel_in_doubt ADD COLUMN IF NOT EXISTS refund_id VARCHAR(64);
