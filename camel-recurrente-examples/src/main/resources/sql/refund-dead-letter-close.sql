update refund_dead_letters
   set resolved_at = current_timestamp
 where refund_id = :#refundId
   and resolved_at is null
