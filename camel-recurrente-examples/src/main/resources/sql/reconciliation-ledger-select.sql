select payment_intent_id as "paymentIntentId", gross_cents + transferred_cents as "grossCents", currency as "currency"
  from payments
 where (checkout_id = :#${variable.reconQuery[checkoutId]} and paid_at >= :#${variable.reconQuery[paidFrom]})
    or payment_intent_id = :#${variable.reconQuery[paymentIntentId]}
 order by paid_at, payment_intent_id
