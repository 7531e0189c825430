insert into connected_account_amounts (source_id, line_no, kind, account_id, event_type, checkout_id, currency,
                                       amount_cents, recorded_at)
select :#sourceId, :#lineNo, :#kind, :#accountId, :#eventType, :#checkoutId, :#currency, :#amountCents, :#recordedAt
 where not exists (select 1 from connected_account_amounts where source_id = :#sourceId and line_no = :#lineNo)
