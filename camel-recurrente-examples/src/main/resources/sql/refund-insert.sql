insert into refunds (refund_id, payment_intent_id, status, customer_refunded_cents, account_refunded_cents, currency,
                     credit_note_entry_id)
select :#refundId, :#paymentIntentId, :#status, :#customerRefundedCents, :#accountRefundedCents, :#currency,
       :#creditNoteEntryId
 where not exists (select 1 from refunds where refund_id = :#refundId)
