insert into email_log (kind, reference_id, recipient, subject)
select :#${variable.emailKind}, :#${variable.emailReference}, :#${variable.emailTo}, :#${variable.emailSubject}
 where not exists (select 1 from email_log where kind = :#${variable.emailKind}
                                            and reference_id = :#${variable.emailReference})
