insert into journal_lines (entry_id, line_no, entry_type, source_id, account_code, account_name, debit_cents,
                           credit_cents, currency, memo)
select :#entryId, :#lineNo, :#entryType, :#sourceId, :#accountCode, :#accountName, :#debitCents, :#creditCents,
       :#currency, :#memo
 where not exists (select 1 from journal_lines where entry_id = :#entryId and line_no = :#lineNo)
