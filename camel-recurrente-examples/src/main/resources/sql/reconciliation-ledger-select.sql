select gross_cents as "grossCents", invoice_status as "invoiceStatus"
  from payments
 where payment_intent_id = :#${variable.paymentIntentId}
