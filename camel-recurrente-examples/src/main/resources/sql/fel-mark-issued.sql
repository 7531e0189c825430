update payments
   set invoice_status = 'ISSUED',
       invoice_number = :#${variable.invoiceNumber},
       invoice_uuid = :#${variable.invoiceUuid},
       invoice_url = :#${variable.invoiceUrl},
       invoiced_at = current_timestamp,
       effect_step = null
 where payment_intent_id = :#${variable.payment[paymentIntentId]}
