insert into email_log (kind, reference_id, recipient, subject)
select :#emailKind, :#emailReference, :#emailTo, :#emailSubject
 where not exists (select 1 from email_log where kind = :#emailKind
                                            and reference_id = :#emailReference)
