package io.github.camelrecurrente.examples.invoicing.fel;

import java.time.Instant;
import java.util.List;

/**
 * What a document is made of, Camel-free: the bundle fills it from a payment (or a refund).
 *
 * @param buyer the receptor
 * @param currency ISO 4217 code ({@code GTQ}, {@code USD})
 * @param items 1 to 9999 lines
 * @param emittedAt the emission time ({@code FechaHoraEmision}, written in America/Guatemala); see
 *     {@link EmissionTime#forPayment(Instant, Instant)}: it must stay the same across retries of one document
 */
public record Sale(Buyer buyer, String currency, List<SaleItem> items, Instant emittedAt) {

    public Sale {
        if (buyer == null) {
            throw new IllegalArgumentException("sale.buyer is required");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("sale.currency is an ISO 4217 code like GTQ or USD, got " + currency);
        }
        if (items == null || items.isEmpty() || items.size() > 9999) {
            throw new IllegalArgumentException("a sale has 1 to 9999 items");
        }
        items = List.copyOf(items);
        if (emittedAt == null) {
            throw new IllegalArgumentException("sale.emittedAt is required");
        }
    }
}
