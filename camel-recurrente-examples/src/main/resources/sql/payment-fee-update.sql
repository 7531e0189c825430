update payments
   set fee_cents = :#feeCents,
       vat_withheld_cents = :#vatWithheldCents,
       net_cents = :#netCents,
       fee_source = :#feeSource
 where payment_intent_id = :#paymentIntentId
   and fee_source = 'PENDING'
