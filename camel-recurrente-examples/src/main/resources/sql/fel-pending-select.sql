select payment_intent_id as "paymentIntentId", payment_kind as "paymentKind", customer_email as "customerEmail",
       customer_name as "customerName", currency as "currency", gross_cents as "grossCents", tax_id as "taxId",
       tax_name as "taxName", invoice_number as "invoiceNumber", invoice_url as "invoiceUrl"
  from payments
 where invoice_status = 'PENDING'
 order by posted_at
