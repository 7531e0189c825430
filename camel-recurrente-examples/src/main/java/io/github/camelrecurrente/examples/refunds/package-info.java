/**
 * Refunds against the ledger ({@code RefundBooking}): the checks of an operator refund request before any API
 * call ({@code RequestRefusedException}: 400/404/409/422), the booking of the amounts the API answered, the refund dead
 * letters. Routes: {@code routes/refunds/}.
 * <p>
 * May import: {@code ledger}. Never {@code standins}, {@code operator}, {@code app} or {@code demo}.
 */
package io.github.camelrecurrente.examples.refunds;
