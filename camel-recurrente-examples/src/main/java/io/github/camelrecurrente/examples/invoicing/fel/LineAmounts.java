package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * SAT's arithmetic for one line with IVA 12 % included in the price: the one place where a document's amounts are
 * computed (SAT rules §2.7, §5.2). Amounts have 2 decimals, rounded half up:
 * <ul>
 * <li>{@code Precio = round(Cantidad × PrecioUnitario)} (FEL_RCP313: equal within 0.005);</li>
 * <li>{@code Descuento = round(discount)}, at most {@code Precio} (FEL_RCP314);</li>
 * <li>{@code Total = Precio − Descuento} exactly (FEL_RCP348);</li>
 * <li>{@code MontoImpuesto = round(Total × 12 / 112)}: the IVA an accountant books on the line;</li>
 * <li>{@code MontoGravable = Total − MontoImpuesto} exactly, so {@code MontoGravable} is within 0.005 of
 * {@code Total / 1.12} (FEL_RCP226) and {@code MontoImpuesto} within 0.0056 of {@code MontoGravable × 0.12}
 * (FEL_RCP331).</li>
 * </ul>
 * A document's {@code TotalMontoImpuesto} and {@code GranTotal} are the exact sums of the lines' printed amounts
 * (FEL_RCP332, FEL_RCP349). Our choice of rounding the IVA (not the base): the IVA of a one-line document is what
 * the ledger books for the payment, to the cent.
 *
 * @param quantity {@code Cantidad} as given
 * @param unitPrice {@code PrecioUnitario} as given (at least 2 decimals)
 * @param precio {@code Precio}
 * @param descuento {@code Descuento}
 * @param montoGravable {@code MontoGravable}
 * @param montoImpuesto {@code MontoImpuesto}
 * @param total {@code Total}
 */
public record LineAmounts(
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal precio,
        BigDecimal descuento,
        BigDecimal montoGravable,
        BigDecimal montoImpuesto,
        BigDecimal total) {

    /** IVA in percent. */
    public static final BigDecimal IVA_PERCENT = new BigDecimal("12");

    private static final BigDecimal HUNDRED_PLUS_IVA = new BigDecimal("112");

    /**
     * @throws FelRefusal ({@link FelRule#DISCOUNT_ABOVE_PRICE}) when the discount exceeds the price
     */
    public static LineAmounts of(SaleItem item) {
        BigDecimal quantity = item.quantity().stripTrailingZeros();
        if (quantity.scale() < 0) {
            quantity = quantity.setScale(0);
        }
        BigDecimal unitPrice = atLeastTwoDecimals(item.unitPrice());
        BigDecimal precio = money(quantity.multiply(unitPrice));
        BigDecimal descuento = money(item.discount());
        if (descuento.compareTo(precio) > 0) {
            throw new FelRefusal(
                    FelRule.DISCOUNT_ABOVE_PRICE,
                    "item '" + Text.cut(item.description(), 60) + "' has a discount of " + descuento.toPlainString()
                            + " above its price " + precio.toPlainString());
        }
        BigDecimal total = precio.subtract(descuento);
        BigDecimal montoImpuesto = total.multiply(IVA_PERCENT).divide(HUNDRED_PLUS_IVA, 2, RoundingMode.HALF_UP);
        BigDecimal montoGravable = total.subtract(montoImpuesto);
        return new LineAmounts(quantity, unitPrice, precio, descuento, montoGravable, montoImpuesto, total);
    }

    /** @return {@code GranTotal}: the sum of the lines' totals */
    public static BigDecimal grandTotal(List<LineAmounts> lines) {
        return lines.stream().map(LineAmounts::total).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** @return {@code TotalMontoImpuesto} of IVA: the sum of the lines' {@code MontoImpuesto} */
    public static BigDecimal ivaTotal(List<LineAmounts> lines) {
        return lines.stream().map(LineAmounts::montoImpuesto).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal atLeastTwoDecimals(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 2 ? s.setScale(2) : s;
    }
}
