update subscriptions
   set status = :#status,
       customer_id = coalesce(:#customerId, customer_id),
       customer_email = coalesce(:#customerEmail, customer_email),
       customer_name = coalesce(:#customerName, customer_name),
       product_name = coalesce(:#productName, product_name),
       last_event_type = :#eventType,
       last_event_at = :#eventAt,
       updated_at = current_timestamp
 where subscription_id = :#subscriptionId
   and (last_event_at is null or last_event_at <= :#eventAt)
