select payment_intent_id as "paymentIntentId", gross_cents + transferred_cents as "grossCents", currency as "currency"
  from payments
 where payment_intent_id = :#${variable.line.paymentIntentId}
