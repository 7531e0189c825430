update customers
   set email = coalesce(:#customerEmail, email),
       full_name = coalesce(:#customerName, full_name),
       tax_id = :#taxId,
       tax_name = :#taxName,
       updated_at = current_timestamp
 where customer_id = :#customerId
