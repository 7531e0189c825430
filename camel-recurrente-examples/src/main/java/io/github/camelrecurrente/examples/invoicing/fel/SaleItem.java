package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;

/**
 * One line of a sale. Prices include IVA (as Guatemalan prices do).
 *
 * @param description {@code Descripcion} (1..10000 characters)
 * @param quantity {@code Cantidad}, more than 0, at most 6 decimals
 * @param unitPrice {@code PrecioUnitario}, IVA included, 0 or more, at most 6 decimals
 * @param discount {@code Descuento} on the line (not per unit), 0 or more; null is 0
 * @param kind {@code BienOServicio}
 * @param unit {@code UnidadMedida}, 1..3 characters; null is {@code UNI}
 */
public record SaleItem(
        String description,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal discount,
        ItemKind kind,
        String unit) {

    /** The unit when none is given. */
    public static final String DEFAULT_UNIT = "UNI";

    public SaleItem {
        description = Text.collapse(description);
        if (description.isEmpty()) {
            throw new IllegalArgumentException("item.description is required");
        }
        description = Text.cut(description, 10_000);
        if (quantity == null
                || quantity.signum() <= 0
                || quantity.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException("item.quantity is more than 0 with at most 6 decimals, got " + quantity);
        }
        if (unitPrice == null
                || unitPrice.signum() < 0
                || unitPrice.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException(
                    "item.unitPrice is 0 or more with at most 6 decimals (IVA included), got " + unitPrice);
        }
        discount = discount == null ? BigDecimal.ZERO : discount;
        if (discount.signum() < 0) {
            throw new IllegalArgumentException("item.discount is 0 or more, got " + discount);
        }
        if (kind == null) {
            throw new IllegalArgumentException("item.kind is B (good) or S (service)");
        }
        unit = unit == null || unit.isBlank() ? DEFAULT_UNIT : Text.collapse(unit);
        if (unit.length() > 3) {
            throw new IllegalArgumentException("item.unit has 1 to 3 characters, got '" + unit + "'");
        }
    }

    /** One service at a price (IVA included), no discount. */
    public static SaleItem service(String description, BigDecimal price) {
        return new SaleItem(description, BigDecimal.ONE, price, BigDecimal.ZERO, ItemKind.S, DEFAULT_UNIT);
    }
}
