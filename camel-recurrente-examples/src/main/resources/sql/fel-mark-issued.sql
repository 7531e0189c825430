update payments
   set invoice_status = 'ISSUED',
       invoice_number = :#${variable.invoice[invoiceNumber]},
       invoice_uuid = :#${variable.invoice[uuid]},
       invoice_serie = :#${variable.invoice[serie]},
       invoice_numero = :#${variable.invoice[numero]},
       invoice_url = :#${variable.invoice[pdfUrl]},
       invoice_verification_url = :#${variable.invoice[verificationUrl]},
       invoice_receptor = :#${variable.invoice[receptor]},
       invoice_grand_total = :#${variable.invoice[grandTotal]},
       invoice_iva_total = :#${variable.invoice[ivaTotal]},
       invoice_certified_by = :#${variable.invoice[certifiedBy]},
       invoiced_at = current_timestamp,
       effect_step = null
 where payment_intent_id = :#${variable.payment[paymentIntentId]}
