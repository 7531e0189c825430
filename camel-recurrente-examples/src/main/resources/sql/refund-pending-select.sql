select refund_id as "refundId", payment_intent_id as "paymentIntentId",
       customer_refunded_cents as "customerRefundedCents", account_refunded_cents as "accountRefundedCents",
       currency as "currency"
  from refunds
 where status = 'pending'
 order by created_at
