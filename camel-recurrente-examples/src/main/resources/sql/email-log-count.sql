select count(*) from email_log where kind = :#${variable.emailKind} and reference_id = :#${variable.emailReference}
