package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An emitter like the reference examples' and a few sales, for the tests of this package. */
final class FelTestData {

    /** 2025-06-01T10:15:00-06:00, the reference FACT's emission time. */
    static final Instant EMITTED = Instant.parse("2025-06-01T16:15:00Z");

    private FelTestData() {}

    /** The {@code fel.emisor.*} properties of the reference examples' emitter. */
    static Map<String, String> emitterProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("fel.emisor.nit", "12345679");
        p.put("fel.emisor.nombre", "EJEMPLO, SOCIEDAD ANONIMA");
        p.put("fel.emisor.nombre-comercial", "EJEMPLO");
        p.put("fel.emisor.establecimiento", "1");
        p.put("fel.emisor.afiliacion-iva", "GEN");
        p.put("fel.emisor.direccion", "4a Avenida 1-23 Zona 10");
        p.put("fel.emisor.codigo-postal", "01010");
        p.put("fel.emisor.municipio", "Guatemala");
        p.put("fel.emisor.departamento", "Guatemala");
        p.put("fel.emisor.pais", "GT");
        p.put("fel.emisor.frases", "1:1");
        return p;
    }

    static FelEmitter emitter() {
        return FelProperties.emitter(emitterProperties()::get);
    }

    static FelDocuments documents(Instant now) {
        return new FelDocuments(emitter(), CfLimit.DEFAULT, Clock.fixed(now, ZoneOffset.UTC));
    }

    static Sale sale(Buyer buyer, String currency, Instant at, SaleItem... items) {
        return new Sale(buyer, currency, List.of(items), at);
    }

    static Sale cfSale(String amount) {
        return sale(
                Buyer.fromPayment(null, null, null),
                "GTQ",
                EMITTED,
                SaleItem.service("Suscripcion mensual", new BigDecimal(amount)));
    }

    static SaleItem item(String description, String quantity, String unitPrice, String discount, ItemKind kind) {
        return new SaleItem(
                description, new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(discount), kind, null);
    }
}
