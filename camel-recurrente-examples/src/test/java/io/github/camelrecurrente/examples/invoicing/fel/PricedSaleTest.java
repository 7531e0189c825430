package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.camelrecurrente.examples.invoicing.fel.FelTestData.item;
import static io.github.camelrecurrente.examples.invoicing.fel.FelTestData.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PricedSaleTest {

    private static final Buyer CF = Buyer.fromPayment(null, null, null);

    @Test
    void theLinesAreLineAmountsOfTheItemsAndTheTotalsTheirSums() {
        Sale s = sale(
                CF,
                "GTQ",
                FelTestData.EMITTED,
                item("Plan anual", "2", "10.00", "1.00", ItemKind.S),
                SaleItem.service("Soporte", new BigDecimal("5.60")));

        PricedSale priced = PricedSale.of(s);

        List<LineAmounts> lines = s.items().stream().map(LineAmounts::of).toList();
        assertSame(s, priced.sale());
        assertEquals(lines, priced.lines());
        assertEquals(new BigDecimal("24.60"), priced.grandTotal());
        assertEquals(LineAmounts.grandTotal(lines), priced.grandTotal());
        assertEquals(LineAmounts.ivaTotal(lines), priced.ivaTotal());
    }

    @Test
    void itIsEmittedInGuatemalaToTheSecond() {
        Sale s = sale(
                CF,
                "GTQ",
                Instant.parse("2025-06-01T16:15:00.750Z"),
                SaleItem.service("Suscripcion mensual", new BigDecimal("100.00")));

        assertEquals(
                OffsetDateTime.parse("2025-06-01T10:15:00-06:00"),
                PricedSale.of(s).emittedAt());
    }

    @Test
    void aDiscountAboveItsPriceIsRefused() {
        Sale s = sale(CF, "GTQ", FelTestData.EMITTED, item("Plan", "1", "10.00", "10.01", ItemKind.S));

        FelRefusal refusal = assertThrows(FelRefusal.class, () -> PricedSale.of(s));
        assertEquals(FelRule.DISCOUNT_ABOVE_PRICE, refusal.rule());
    }
}
