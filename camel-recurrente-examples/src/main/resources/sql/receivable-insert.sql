insert into receivables (intent_id, checkout_id, customer_id, currency, amount_cents, status)
select :#paymentIntentId, :#checkoutId, :#customerId, :#currency, :#grossCents, 'PENDING'
 where not exists (select 1 from receivables where intent_id = :#paymentIntentId)
   and not exists (select 1 from payments where payment_intent_id = :#paymentIntentId)
