/**
 * The review queue: what the documented data does not let the books decide (who was paid, how much, whether a charge
 * succeeded) is not booked and not invoiced; it becomes a case ({@code ReviewCase}, table {@code review_cases}) that
 * an operator sees on the status page and resolves with one action: post it with the payment id and the amount they
 * confirm, or dismiss it with a reason ({@code ReviewQueue}; the operator routes are {@code routes/operator/}, the
 * posting is the ledger's own route {@code direct:ledger-post-payment}).
 * <p>
 * May import: {@code ledger}. Never {@code standins}, {@code operator}, {@code app} or {@code demo}. Imported by
 * {@code reconciliation}, {@code operator}, {@code app} and {@code demo}.
 */
package io.github.camelrecurrente.examples.review;
