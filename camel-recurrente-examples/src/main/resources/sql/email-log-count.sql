select count(*) from email_log where kind = :#emailKind and reference_id = :#emailReference
