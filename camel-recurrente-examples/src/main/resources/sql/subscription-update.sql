update subscriptions
   set status = :#status,
       customer_id = coalesce(:#customerId, customer_id),
       customer_email = coalesce(:#customerEmail, customer_email),
       customer_name = coalesce(:#customerName, customer_name),
       product_name = coalesce(:#productName, product_name),
       last_event_type = :#eventType,
       updated_at = current_timestamp
 where subscription_id = :#subscriptionId
