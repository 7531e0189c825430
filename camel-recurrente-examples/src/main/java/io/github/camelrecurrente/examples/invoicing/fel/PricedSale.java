package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A sale with SAT's amounts for its lines ({@link LineAmounts}), their totals and its emission time in Guatemala: what
 * an invoice (FACT) or a credit note (NCRE) checks SAT's rules on and writes.
 *
 * @param sale the sale (an invoice's payment, a credit note's refund)
 * @param lines the amounts of each of its items, in order
 * @param grandTotal {@code GranTotal}: the sum of the lines' totals
 * @param ivaTotal {@code TotalMontoImpuesto}: the sum of the lines' IVA
 * @param emittedAt {@code FechaHoraEmision}: the sale's emission time in Guatemala, to the second
 */
record PricedSale(
        Sale sale, List<LineAmounts> lines, BigDecimal grandTotal, BigDecimal ivaTotal, OffsetDateTime emittedAt) {

    /** @throws FelRefusal when a line's discount is above its price */
    static PricedSale of(Sale sale) {
        List<LineAmounts> lines = sale.items().stream().map(LineAmounts::of).toList();
        return new PricedSale(
                sale,
                lines,
                LineAmounts.grandTotal(lines),
                LineAmounts.ivaTotal(lines),
                EmissionTime.inGuatemala(sale.emittedAt()));
    }
}
