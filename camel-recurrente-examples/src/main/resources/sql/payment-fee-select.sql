select payment_intent_id as "paymentIntentId", currency as "currency", gross_cents as "grossCents",
       fee_cents as "feeCents", vat_withheld_cents as "vatWithheldCents", fee_source as "feeSource"
  from payments
 where payment_intent_id = :#${variable.feePaymentIntentId}
