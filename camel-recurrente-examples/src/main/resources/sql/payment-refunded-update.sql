update payments
   set refunded_cents = (select coalesce(sum(r.customer_refunded_cents), 0) from refunds r
                          where r.payment_intent_id = :#paymentIntentId
                            and (r.status is null or r.status not in ('failed', 'voided')))
 where payment_intent_id = :#paymentIntentId
