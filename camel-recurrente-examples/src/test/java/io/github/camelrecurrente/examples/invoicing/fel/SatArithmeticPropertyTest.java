package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-based: over thousands of random sales (amounts 0.01 to 9,999,999.99, varied quantities, discounts and line
 * counts; a seeded {@link Random}, so a failure repeats), every SAT equality holds within 0.01 on the XML the builder
 * writes, read back and recomputed here independently.
 */
class SatArithmeticPropertyTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999.99");
    private static final int CASES = 2500;

    private final FelDocuments documents = FelTestData.documents(FelTestData.EMITTED);
    private final Buyer buyer = Buyer.fromPayment("1252133-7", "INFILE, S.A.", null);

    @Test
    void everyEqualityHoldsForRandomSales() {
        Random random = new Random(20_2025);
        int lines = 0;
        for (int n = 0; n < CASES; n++) {
            List<SaleItem> items = randomItems(random);
            lines += items.size();
            Sale sale = new Sale(buyer, n % 5 == 0 ? "USD" : "GTQ", items, FelTestData.EMITTED);
            FelDocument doc = documents.invoice("pa_prop_" + n, sale, 0);
            try {
                checkEqualities(DteParsing.parse(doc.xml()), doc);
            } catch (AssertionError e) {
                fail("case " + n + " (" + items + "): " + e.getMessage(), e);
            }
        }
        assertTrue(lines > CASES * 2, "varied line counts: " + lines);
    }

    @Test
    void theExtremeAmountsAreExactForOneUnit() {
        for (String amount : List.of("0.01", "0.02", "0.14", "1.00", "2499.99", "9999999.99")) {
            Sale sale =
                    new Sale(buyer, "GTQ", List.of(SaleItem.service("x", new BigDecimal(amount))), FelTestData.EMITTED);
            FelDocument doc = documents.invoice("pa_edge_" + amount, sale, 0);
            Document xml = DteParsing.parse(doc.xml());
            checkEqualities(xml, doc);
            assertEquals(new BigDecimal(amount), DteParsing.decimal(xml, "GranTotal"));
            assertEquals(new BigDecimal(amount), doc.grandTotal());
        }
    }

    @Test
    void theIvaOfAOneLineDocumentIsTheLedgersIvaToTheCent() {
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            long cents = 1 + (long) (random.nextDouble() * 999_999_999L);
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            FelDocument doc = documents.invoice(
                    "pa_iva_" + n,
                    new Sale(buyer, "GTQ", List.of(SaleItem.service("x", amount)), FelTestData.EMITTED),
                    0);
            // the ledger's rule (Money.ivaIncluded): round half up of gross * 12 / 112, in cents
            long iva = (cents * 12 * 2 + 112) / (112 * 2);
            assertEquals(BigDecimal.valueOf(iva, 2), doc.ivaTotal(), amount.toPlainString());
        }
    }

    static List<SaleItem> randomItems(Random r) {
        int count = r.nextInt(10) < 4 ? 1 : r.nextInt(10) < 8 ? 2 + r.nextInt(11) : 13 + r.nextInt(28);
        List<SaleItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal quantity = quantity(r);
            BigDecimal unitPrice = amount(r)
                    .divide(quantity.max(BigDecimal.ONE), 2, RoundingMode.DOWN)
                    .max(new BigDecimal("0.01"));
            if (r.nextInt(6) == 0) {
                unitPrice = unitPrice.add(BigDecimal.valueOf(r.nextInt(10_000), 6)); // up to 6 decimals
            }
            BigDecimal precio = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
            BigDecimal discount = r.nextBoolean()
                    ? BigDecimal.ZERO
                    : precio.multiply(BigDecimal.valueOf(r.nextInt(101), 2)).setScale(2, RoundingMode.DOWN);
            items.add(new SaleItem(
                    "Item " + i, quantity, unitPrice, discount, r.nextBoolean() ? ItemKind.S : ItemKind.B, null));
        }
        return items;
    }

    /** 0.01 to 9,999,999.99, spread over every order of magnitude. */
    private static BigDecimal amount(Random r) {
        long max = (long) Math.pow(10, 1 + r.nextInt(9));
        long cents = 1 + (long) (r.nextDouble() * Math.min(max, 999_999_999L));
        return BigDecimal.valueOf(Math.min(cents, 999_999_999L), 2);
    }

    private static BigDecimal quantity(Random r) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> BigDecimal.ONE;
            case 2 -> BigDecimal.valueOf(2 + r.nextInt(999));
            case 3 -> BigDecimal.valueOf(1 + r.nextInt(100_000), 1 + r.nextInt(6)); // 0.000001 .. 100000 with decimals
            default -> new BigDecimal("1.333333");
        };
    }

    private static void checkEqualities(Document xml, FelDocument doc) {
        BigDecimal sumTotal = BigDecimal.ZERO;
        BigDecimal sumIva = BigDecimal.ZERO;
        for (Element item : DteParsing.all(xml, "Item")) {
            BigDecimal cantidad = facets(DteParsing.decimal(item, "Cantidad"));
            BigDecimal unitario = facets(DteParsing.decimal(item, "PrecioUnitario"));
            BigDecimal precio = facets(DteParsing.decimal(item, "Precio"));
            BigDecimal descuento = facets(DteParsing.decimal(item, "Descuento"));
            BigDecimal gravable = facets(DteParsing.decimal(item, "MontoGravable"));
            BigDecimal impuesto = facets(DteParsing.decimal(item, "MontoImpuesto"));
            BigDecimal total = facets(DteParsing.decimal(item, "Total"));
            assertTrue(cantidad.signum() > 0, "Cantidad > 0");
            within("FEL_RCP313 Precio = Cantidad x PrecioUnitario", precio, cantidad.multiply(unitario));
            assertTrue(descuento.compareTo(precio) <= 0, "FEL_RCP314 Descuento <= Precio");
            BigDecimal net = precio.subtract(descuento);
            within(
                    "FEL_RCP226 MontoGravable = (Precio - Descuento) / 1.12",
                    gravable,
                    net.divide(new BigDecimal("1.12"), 12, RoundingMode.HALF_UP));
            within(
                    "FEL_RCP331 MontoImpuesto = MontoGravable x 0.12",
                    impuesto,
                    gravable.multiply(new BigDecimal("0.12")));
            within("FEL_RCP348 Total = Precio - Descuento", total, net);
            sumTotal = sumTotal.add(total);
            sumIva = sumIva.add(impuesto);
        }
        Element totalImpuesto = DteParsing.one(xml, "TotalImpuesto");
        BigDecimal totalIva = facets(new BigDecimal(totalImpuesto.getAttribute("TotalMontoImpuesto")));
        within("FEL_RCP332 TotalMontoImpuesto = sum of MontoImpuesto", totalIva, sumIva);
        BigDecimal granTotal = facets(DteParsing.decimal(xml, "GranTotal"));
        within("FEL_RCP349 GranTotal = sum of Total", granTotal, sumTotal);
        assertEquals(0, granTotal.compareTo(doc.grandTotal()), "the document's grand total is the XML's");
        assertEquals(0, totalIva.compareTo(doc.ivaTotal()), "the document's IVA is the XML's");
        assertTrue(granTotal.compareTo(MAX_AMOUNT.multiply(BigDecimal.valueOf(40))) <= 0);
    }

    private static void within(String rule, BigDecimal printed, BigDecimal exact) {
        BigDecimal diff = printed.subtract(exact).abs();
        assertTrue(diff.compareTo(TOLERANCE) <= 0, rule + ": " + printed + " vs " + exact + " (off by " + diff + ")");
    }

    /** The schema's NumeroNDecimales: at least 0, at most 10 decimals and 22 digits. */
    private static BigDecimal facets(BigDecimal v) {
        assertTrue(v.signum() >= 0, "amounts are 0 or more: " + v);
        assertTrue(v.scale() <= 10, "at most 10 decimals: " + v);
        assertTrue(v.precision() <= 22, "at most 22 digits: " + v);
        return v;
    }
}
