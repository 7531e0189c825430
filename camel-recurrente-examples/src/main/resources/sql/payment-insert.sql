insert into payments (payment_intent_id, payment_kind, event_type, checkout_id, customer_id, customer_email,
                      customer_name, currency, gross_cents, fee_cents, vat_withheld_cents, net_cents, tax_id, tax_name,
                      subscription_id, invoice_status, fee_source, paid_at, transferred_cents)
select :#paymentIntentId, :#paymentKind, :#eventType, :#checkoutId, :#customerId,
       coalesce(:#customerEmail, (select c.email from customers c where c.customer_id = :#customerId)),
       coalesce(:#customerName, (select c.full_name from customers c where c.customer_id = :#customerId)),
       :#currency, :#grossCents, cast(:#feeCents as bigint),
       cast(:#vatWithheldCents as bigint), cast(:#netCents as bigint), :#taxId, :#taxName,
       :#subscriptionId, 'PENDING', :#feeSource, :#paidAt, :#transferredCents
 where not exists (select 1 from payments where payment_intent_id = :#paymentIntentId)
