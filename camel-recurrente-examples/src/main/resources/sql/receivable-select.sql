select intent_id as "paymentIntentId", amount_cents as "amountCents", currency as "currency", status as "status"
  from receivables
 where intent_id = :#paymentIntentId
