insert into subscriptions (subscription_id, status, customer_id, customer_email, customer_name, product_name,
                           last_event_type, last_event_at)
select :#subscriptionId, :#status, :#customerId, :#customerEmail, :#customerName, :#productName, :#eventType, :#eventAt
 where not exists (select 1 from subscriptions where subscription_id = :#subscriptionId)
