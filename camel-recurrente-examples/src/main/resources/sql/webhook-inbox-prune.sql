delete from CAMEL_MESSAGEPROCESSED
 where processorName = 'recurrente-webhooks'
   and createdAt < :#cutoff
