insert into fel_dead_letters (payment_intent_id, error_message)
values (:#${variable.paymentIntentId}, :#${variable.error})
