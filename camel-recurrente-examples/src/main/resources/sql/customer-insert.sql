insert into customers (customer_id, email, full_name, tax_id, tax_name)
select :#customerId, :#customerEmail, :#customerName, :#taxId, :#taxName
 where not exists (select 1 from customers where customer_id = :#customerId)
