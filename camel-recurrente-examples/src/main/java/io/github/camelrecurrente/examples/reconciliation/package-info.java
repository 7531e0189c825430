/**
 * Reconciliation of paid checkouts with the ledger ({@code Reconciliation}: the period, the comparison, the
 * payment event a lost webhook would have carried; {@code ReconciliationRun}: one run's lines and CSV report). Routes:
 * {@code routes/reconciliation/}.
 * <p>
 * May import: {@code ledger}, {@code review} (a charge the documented data does not decide is a review case).
 * Never {@code standins}, {@code operator}, {@code app} or {@code demo}.
 */
package io.github.camelrecurrente.examples.reconciliation;
