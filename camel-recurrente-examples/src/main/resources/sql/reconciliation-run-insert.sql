insert into reconciliation_runs (run_id, period_from, period_until, paid_checkouts, matched, missing_posted,
                                 amount_differs, missing_not_posted, needs_review, report_file)
values (:#runId, :#from, :#until, :#paidCheckouts, :#matched, :#missingPosted, :#amountDiffers, :#missingNotPosted,
        :#needsReview, :#reportFile)
