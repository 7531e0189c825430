package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static io.github.camelrecurrente.examples.invoicing.fel.FelTestData.EMITTED;
import static io.github.camelrecurrente.examples.invoicing.fel.FelTestData.item;
import static io.github.camelrecurrente.examples.invoicing.fel.FelTestData.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documents the builder makes: shape, values and the SAT rules it enforces before sending. */
class FelDocumentsTest {

    static final String ORIGINAL_UUID = "D412A347-9720-44C0-A9CC-FDE068F0A2E7";

    /** Our reading of GT_Documento 0.2.1's sequences for a one-line FACT (element path, attribute names). */
    static final String FACT_SHAPE = """
            /GTDocumento [Version]
            /GTDocumento/SAT [ClaseDocumento]
            /GTDocumento/SAT/DTE [ID]
            /GTDocumento/SAT/DTE/DatosEmision [ID]
            /GTDocumento/SAT/DTE/DatosEmision/DatosGenerales [CodigoMoneda, FechaHoraEmision, Tipo]
            /GTDocumento/SAT/DTE/DatosEmision/Emisor [AfiliacionIVA, CodigoEstablecimiento, NITEmisor, NombreComercial, NombreEmisor]
            /GTDocumento/SAT/DTE/DatosEmision/Emisor/DireccionEmisor []
            /GTDocumento/SAT/DTE/DatosEmision/Emisor/DireccionEmisor/Direccion []
            /GTDocumento/SAT/DTE/DatosEmision/Emisor/DireccionEmisor/CodigoPostal []
            /GTDocumento/SAT/DTE/DatosEmision/Emisor/DireccionEmisor/Municipio []
            /GTDocumento/SAT/DTE/DatosEmision/Emisor/DireccionEmisor/Departamento []
            /GTDocumento/SAT/DTE/DatosEmision/Emisor/DireccionEmisor/Pais []
            /GTDocumento/SAT/DTE/DatosEmision/Receptor [IDReceptor, NombreReceptor]
            /GTDocumento/SAT/DTE/DatosEmision/Frases []
            /GTDocumento/SAT/DTE/DatosEmision/Frases/Frase [CodigoEscenario, TipoFrase]
            /GTDocumento/SAT/DTE/DatosEmision/Items []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item [BienOServicio, NumeroLinea]
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Cantidad []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/UnidadMedida []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Descripcion []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/PrecioUnitario []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Precio []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Descuento []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Impuestos []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Impuestos/Impuesto []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Impuestos/Impuesto/NombreCorto []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Impuestos/Impuesto/CodigoUnidadGravable []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Impuestos/Impuesto/MontoGravable []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Impuestos/Impuesto/MontoImpuesto []
            /GTDocumento/SAT/DTE/DatosEmision/Items/Item/Total []
            /GTDocumento/SAT/DTE/DatosEmision/Totales []
            /GTDocumento/SAT/DTE/DatosEmision/Totales/TotalImpuestos []
            /GTDocumento/SAT/DTE/DatosEmision/Totales/TotalImpuestos/TotalImpuesto [NombreCorto, TotalMontoImpuesto]
            /GTDocumento/SAT/DTE/DatosEmision/Totales/GranTotal []
            """;

    private final FelDocuments documents = FelTestData.documents(EMITTED);

    @Test
    void factToCfHasTheSchemasElementOrderAndSatsValues() {
        FelDocument doc = documents.invoice("pa_100", FelTestData.cfSale("100.00"), 0);
        Document xml = DteParsing.parse(doc.xml());
        List<String> shape = DteParsing.shape(xml).stream()
                .map(line -> line.substring(line.indexOf('}') + 1))
                .toList();
        assertEquals(FACT_SHAPE.strip().lines().toList(), shape);
        assertTrue(DteParsing.shape(xml).stream().allMatch(l -> l.startsWith("{http://www.sat.gob.gt/dte/fel/0.2.0}")));
        Element generales = DteParsing.one(xml, "DatosGenerales");
        assertEquals("FACT", generales.getAttribute("Tipo"));
        assertEquals("2025-06-01T10:15:00-06:00", generales.getAttribute("FechaHoraEmision"));
        assertEquals("GTQ", generales.getAttribute("CodigoMoneda"));
        Element emisor = DteParsing.one(xml, "Emisor");
        assertEquals("12345679", emisor.getAttribute("NITEmisor"));
        assertEquals("EJEMPLO, SOCIEDAD ANONIMA", emisor.getAttribute("NombreEmisor"));
        assertEquals("1", emisor.getAttribute("CodigoEstablecimiento"));
        assertEquals("GEN", emisor.getAttribute("AfiliacionIVA"));
        assertEquals("01010", DteParsing.one(xml, "CodigoPostal").getTextContent());
        Element receptor = DteParsing.one(xml, "Receptor");
        assertEquals("CF", receptor.getAttribute("IDReceptor"));
        assertEquals("Consumidor Final", receptor.getAttribute("NombreReceptor"));
        assertEquals("1", DteParsing.one(xml, "Frase").getAttribute("TipoFrase"));
        assertEquals("1", DteParsing.one(xml, "Cantidad").getTextContent());
        assertEquals("UNI", DteParsing.one(xml, "UnidadMedida").getTextContent());
        assertEquals("100.00", DteParsing.one(xml, "PrecioUnitario").getTextContent());
        assertEquals("100.00", DteParsing.one(xml, "Precio").getTextContent());
        assertEquals("0.00", DteParsing.one(xml, "Descuento").getTextContent());
        assertEquals("IVA", DteParsing.one(xml, "NombreCorto").getTextContent());
        assertEquals("1", DteParsing.one(xml, "CodigoUnidadGravable").getTextContent());
        assertEquals("89.29", DteParsing.one(xml, "MontoGravable").getTextContent());
        assertEquals("10.71", DteParsing.one(xml, "MontoImpuesto").getTextContent());
        assertEquals("100.00", DteParsing.one(xml, "Total").getTextContent());
        assertEquals("10.71", DteParsing.one(xml, "TotalImpuesto").getAttribute("TotalMontoImpuesto"));
        assertEquals("100.00", DteParsing.one(xml, "GranTotal").getTextContent());
        assertEquals("FACT-pa_100", doc.identificador());
        assertEquals(new BigDecimal("100.00"), doc.grandTotal());
        assertEquals(new BigDecimal("10.71"), doc.ivaTotal());
        assertTrue(doc.xml().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), doc.xml());
        assertFalse(doc.toString().contains("<"), doc.toString());
    }

    @Test
    void emissionTimeIsWrittenInGuatemala() {
        Sale late = sale(
                Buyer.fromPayment(null, null, null),
                "GTQ",
                Instant.parse("2025-06-02T03:00:00.789Z"),
                SaleItem.service("x", BigDecimal.TEN));
        FelDocument doc = documents.invoice("pa_late", late, 0);
        assertEquals(
                "2025-06-01T21:00:00-06:00",
                DteParsing.one(DteParsing.parse(doc.xml()), "DatosGenerales").getAttribute("FechaHoraEmision"));
        assertEquals(OffsetDateTime.parse("2025-06-01T21:00:00-06:00"), doc.emittedAt());
    }

    @Test
    void factToANitOrACuiAndInUsd() {
        FelDocument toNit = documents.invoice(
                "pa_nit",
                sale(
                        Buyer.fromPayment("1252133-7", "INFILE, S.A.", "compras@example.com"),
                        "USD",
                        EMITTED,
                        SaleItem.service("Plan anual", new BigDecimal("1200.00"))),
                0);
        Element receptor = DteParsing.one(DteParsing.parse(toNit.xml()), "Receptor");
        assertEquals("12521337", receptor.getAttribute("IDReceptor"));
        assertEquals("", receptor.getAttribute("TipoEspecial"));
        assertEquals("INFILE, S.A.", receptor.getAttribute("NombreReceptor"));
        assertEquals("compras@example.com", receptor.getAttribute("CorreoReceptor"));
        assertEquals(
                "USD",
                DteParsing.one(DteParsing.parse(toNit.xml()), "DatosGenerales").getAttribute("CodigoMoneda"));

        FelDocument toCui = documents.invoice(
                "pa_cui",
                sale(
                        Buyer.fromPayment("2345 67890 1234", "Ana Lopez", null),
                        "GTQ",
                        EMITTED,
                        SaleItem.service("x", new BigDecimal("3000.00"))),
                0);
        Element cui = DteParsing.one(DteParsing.parse(toCui.xml()), "Receptor");
        assertEquals("2345678901234", cui.getAttribute("IDReceptor"));
        assertEquals("CUI", cui.getAttribute("TipoEspecial"));
    }

    @Test
    void severalItemsWithDiscountsAreNumberedInOrder() {
        FelDocument doc = documents.invoice(
                "pa_multi",
                sale(
                        Buyer.fromPayment("1234567-9", "Cliente", null),
                        "GTQ",
                        EMITTED,
                        item("Camisa <talla M> & \"azul\"", "3", "150.00", "45.00", ItemKind.B),
                        item("Envio", "1", "35.50", "0", ItemKind.S),
                        item("Tela", "2.5", "80.333333", "10.00", ItemKind.B)),
                0);
        Document xml = DteParsing.parse(doc.xml());
        List<Element> items = DteParsing.all(xml, "Item");
        assertEquals(3, items.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(Integer.toString(i + 1), items.get(i).getAttribute("NumeroLinea"));
        }
        assertEquals("B", items.get(0).getAttribute("BienOServicio"));
        assertEquals("S", items.get(1).getAttribute("BienOServicio"));
        assertEquals(
                "Camisa <talla M> & \"azul\"",
                DteParsing.one(items.get(0), "Descripcion").getTextContent());
        assertEquals("450.00", DteParsing.one(items.get(0), "Precio").getTextContent());
        assertEquals("45.00", DteParsing.one(items.get(0), "Descuento").getTextContent());
        assertEquals("405.00", DteParsing.one(items.get(0), "Total").getTextContent());
        assertEquals("2.5", DteParsing.one(items.get(2), "Cantidad").getTextContent());
        assertEquals("80.333333", DteParsing.one(items.get(2), "PrecioUnitario").getTextContent());
        assertEquals("200.83", DteParsing.one(items.get(2), "Precio").getTextContent());
        // 405.00 + 35.50 + 190.83
        assertEquals(new BigDecimal("631.33"), doc.grandTotal());
        assertEquals("631.33", DteParsing.one(xml, "GranTotal").getTextContent());
    }

    @Test
    void aDiscountAbovePriceIsRefused() {
        FelRefusal r = assertThrows(
                FelRefusal.class,
                () -> documents.invoice(
                        "pa_d",
                        sale(
                                Buyer.fromPayment(null, null, null),
                                "GTQ",
                                EMITTED,
                                item("x", "1", "10.00", "10.01", ItemKind.S)),
                        0));
        assertEquals("FEL_RCP314", r.code());
    }

    @Test
    void cfIsRefusedFromQ2500() {
        assertEquals(
                new BigDecimal("2499.99"),
                documents.invoice("pa_a", FelTestData.cfSale("2499.99"), 0).grandTotal());
        FelRefusal r =
                assertThrows(FelRefusal.class, () -> documents.invoice("pa_b", FelTestData.cfSale("2500.00"), 0));
        assertEquals(FelRule.CF_LIMIT, r.rule());
        assertEquals("FEL_RCP535", r.code());
        assertEquals(
                "a document to CF (consumidor final) must total less than Q2,500.00; this one totals Q2500.00",
                r.reason());
        assertEquals(
                "supply the buyer's NIT or CUI (the payment's tax_id) and replay the payment from the status page",
                r.operatorAction());
        assertFalse(r.isRetryable());
        // the same amount to a NIT or a CUI is fine
        documents.invoice(
                "pa_c",
                sale(
                        Buyer.fromPayment("1234567-9", "X", null),
                        "GTQ",
                        EMITTED,
                        SaleItem.service("x", new BigDecimal("2500.00"))),
                0);
    }

    @Test
    void cfInUsdIsCheckedAtTheConservativeRate() {
        Buyer cf = Buyer.fromPayment(null, null, null);
        documents.invoice("pa_u1", sale(cf, "USD", EMITTED, SaleItem.service("x", new BigDecimal("312.49"))), 0);
        FelRefusal r = assertThrows(
                FelRefusal.class,
                () -> documents.invoice(
                        "pa_u2", sale(cf, "USD", EMITTED, SaleItem.service("x", new BigDecimal("312.50"))), 0));
        assertEquals("FEL_RCP535", r.code());
        assertTrue(r.reason().contains("USD 312.50 (Q2500.00 at 8.00)"), r.reason());
        FelRefusal eur = assertThrows(
                FelRefusal.class,
                () -> documents.invoice("pa_e", sale(cf, "EUR", EMITTED, SaleItem.service("x", BigDecimal.ONE)), 0));
        assertTrue(eur.reason().contains("no rate"), eur.reason());
    }

    @Test
    void creditNoteReferencesTheInvoice() {
        OriginalDocument original = original("1000.00", "107.14", "CF", "GTQ");
        Sale refund = sale(
                Buyer.fromPayment(null, null, null),
                "GTQ",
                Instant.parse("2025-06-03T15:00:00Z"),
                SaleItem.service("Reembolso parcial", new BigDecimal("400.00")));
        FelDocument doc = documents.creditNote("re_1", refund, original, BigDecimal.ZERO, "Reembolso del pago", 0);
        Document xml = DteParsing.parse(doc.xml());
        assertEquals("NCRE", DteParsing.one(xml, "DatosGenerales").getAttribute("Tipo"));
        assertEquals("NCRE-re_1", doc.identificador());
        Element complemento = DteParsing.one(xml, "Complemento");
        assertEquals("Notas", complemento.getAttribute("IDComplemento"));
        assertEquals("Notas", complemento.getAttribute("NombreComplemento"));
        assertEquals(DteXml.REFERENCIA_NOTA, complemento.getAttribute("URIComplemento"));
        Element ref = DteParsing.one(xml, "ReferenciasNota");
        assertEquals(DteXml.REFERENCIA_NOTA, ref.getNamespaceURI());
        assertEquals(ORIGINAL_UUID, ref.getAttribute("NumeroAutorizacionDocumentoOrigen"));
        assertEquals("D412A347", ref.getAttribute("SerieDocumentoOrigen"));
        assertEquals("2535474368", ref.getAttribute("NumeroDocumentoOrigen"));
        assertEquals("2025-06-01", ref.getAttribute("FechaEmisionDocumentoOrigen"));
        assertEquals("Reembolso del pago", ref.getAttribute("MotivoAjuste"));
        assertEquals("400.00", DteParsing.one(xml, "GranTotal").getTextContent());
        assertEquals(ORIGINAL_UUID, doc.referencedUuid());
        // the Complementos come last in DatosEmision
        Element datosEmision = DteParsing.one(xml, "DatosEmision");
        assertEquals("Complementos", lastChild(datosEmision).getLocalName());
    }

    @Test
    void fullCreditNoteAndItsLimits() {
        OriginalDocument original = original("1000.00", "107.14", "12345679", "GTQ");
        Buyer nit = Buyer.fromPayment("1234567-9", "Cliente", null);
        Sale full = sale(nit, "GTQ", EMITTED, SaleItem.service("Reembolso", new BigDecimal("1000.00")));
        assertEquals(
                new BigDecimal("1000.00"),
                documents
                        .creditNote("re_full", full, original, null, "Reembolso total", 0)
                        .grandTotal());

        Sale rest = sale(nit, "GTQ", EMITTED, SaleItem.service("Reembolso", new BigDecimal("600.01")));
        FelRefusal above = assertThrows(
                FelRefusal.class, () -> documents.creditNote("re_2", rest, original, new BigDecimal("400.00"), "x", 0));
        assertEquals("FEL_RCP350", above.code());

        Sale toCf = sale(Buyer.fromPayment(null, null, null), "GTQ", EMITTED, SaleItem.service("r", BigDecimal.ONE));
        assertEquals(
                "FEL_RCP355",
                assertThrows(FelRefusal.class, () -> documents.creditNote("re_3", toCf, original, null, "x", 0))
                        .code());
        Sale inUsd = sale(nit, "USD", EMITTED, SaleItem.service("r", BigDecimal.ONE));
        assertEquals(
                "FEL_RCP383",
                assertThrows(FelRefusal.class, () -> documents.creditNote("re_4", inUsd, original, null, "x", 0))
                        .code());
    }

    @Test
    void anulacionRepeatsTheInvoiceAndIsDatedNow() {
        Instant now = Instant.parse("2025-06-02T14:00:00Z");
        FelDocument doc = FelTestData.documents(now)
                .anulacion("pa_100", original("100.00", "10.71", "CF", "GTQ"), "Pago reembolsado", 0);
        assertEquals(DocumentKind.ANULACION, doc.kind());
        assertEquals("ANUL-pa_100", doc.identificador());
        Document xml = DteParsing.parse(doc.xml());
        assertEquals(DteXml.ANULACION, xml.getDocumentElement().getNamespaceURI());
        assertEquals("GTAnulacionDocumento", xml.getDocumentElement().getLocalName());
        assertEquals("0.1", xml.getDocumentElement().getAttribute("Version"));
        assertEquals("DatosCertificados", DteParsing.one(xml, "AnulacionDTE").getAttribute("ID"));
        Element g = DteParsing.one(xml, "DatosGenerales");
        assertEquals("DatosAnulacion", g.getAttribute("ID"));
        assertEquals(ORIGINAL_UUID, g.getAttribute("NumeroDocumentoAAnular"));
        assertEquals("12345679", g.getAttribute("NITEmisor"));
        assertEquals("CF", g.getAttribute("IDReceptor"));
        assertEquals("2025-06-01T10:15:00-06:00", g.getAttribute("FechaEmisionDocumentoAnular"));
        assertEquals("2025-06-02T08:00:00-06:00", g.getAttribute("FechaHoraAnulacion"));
        assertEquals("Pago reembolsado", g.getAttribute("MotivoAnulacion"));
    }

    @Test
    void anulacionOnlyUntilTheIvaReturnOfTheInvoicesMonth() {
        OriginalDocument original = original("100.00", "10.71", "CF", "GTQ");
        // the last moment of July (Guatemala) is fine for a June invoice; August 1st is not
        FelTestData.documents(Instant.parse("2025-08-01T05:59:59Z")).anulacion("pa_1", original, "x", 0);
        FelRefusal late = assertThrows(
                FelRefusal.class,
                () -> FelTestData.documents(Instant.parse("2025-08-01T06:00:00Z"))
                        .anulacion("pa_1", original, "x", 0));
        assertEquals("FEL_ANU375", late.code());
        assertTrue(late.operatorAction().contains("credit note"), late.operatorAction());
        FelRefusal early = assertThrows(
                FelRefusal.class,
                () -> FelTestData.documents(Instant.parse("2025-06-01T16:14:59Z"))
                        .anulacion("pa_1", original, "x", 0));
        assertEquals("FEL_ANU376", early.code());
    }

    @Test
    void uuidsAreWrittenInUpperCase() {
        OriginalDocument lower = new OriginalDocument(
                ORIGINAL_UUID.toLowerCase(),
                "D412A347",
                "2535474368",
                OffsetDateTime.parse("2025-06-01T10:15:00-06:00"),
                BuyerId.CF,
                "GTQ",
                new BigDecimal("100.00"),
                new BigDecimal("10.71"));
        assertEquals(ORIGINAL_UUID, lower.uuid());
        FelDocument doc =
                FelTestData.documents(Instant.parse("2025-06-02T14:00:00Z")).anulacion("pa", lower, "x", 0);
        assertTrue(doc.xml().contains(ORIGINAL_UUID), doc.xml());
        assertThrows(IllegalArgumentException.class, () -> SatAuthorization.normaliseUuid("D412A347-9720"));
    }

    @Test
    void serieAndNumeroAsSatDerivesThem() {
        assertEquals("D412A347", SatAuthorization.serie(ORIGINAL_UUID));
        assertEquals("2535474368", SatAuthorization.numero(ORIGINAL_UUID));
        assertEquals("4294967295", SatAuthorization.numero("00000000-FFFF-FFFF-0000-000000000000"));
        assertEquals(
                "https://felpub.c.sat.gob.gt/verificador-web/publico/vistas/verificacionDte.jsf?tipo=autorizacion"
                        + "&numero=" + ORIGINAL_UUID + "&emisor=12345679&receptor=CF&monto=100.00",
                SatAuthorization.verificationUrl(ORIGINAL_UUID, "12345679", "CF", new BigDecimal("100")));
    }

    static OriginalDocument original(String total, String iva, String receptor, String currency) {
        return new OriginalDocument(
                ORIGINAL_UUID,
                "D412A347",
                "2535474368",
                OffsetDateTime.parse("2025-06-01T16:15:00Z"),
                BuyerId.ofDocument(receptor, false),
                currency,
                new BigDecimal(total),
                new BigDecimal(iva));
    }

    private static Element lastChild(Element e) {
        Element last = null;
        for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el) {
                last = el;
            }
        }
        return last;
    }
}
