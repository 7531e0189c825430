package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes SAT's documents, element by element in the order of the schemas' sequences ({@code GT_Documento-0.2.1},
 * {@code GT_Complemento_Referencia_Nota-0.1.0}, {@code GT_AnulacionDocumento-0.1.0}); the tests compare the order with
 * the reference examples and validate the result against SAT's schemas. Unsigned: the certifier signs.
 */
final class DteXml {

    /** GT_Documento 0.2.1's namespace (FACT, NCRE, ...). */
    static final String DTE = "http://www.sat.gob.gt/dte/fel/0.2.0";
    /** GT_AnulacionDocumento 0.1.0's namespace. */
    static final String ANULACION = "http://www.sat.gob.gt/dte/fel/0.1.0";
    /** The credit-note reference complement's namespace. */
    static final String REFERENCIA_NOTA = "http://www.sat.gob.gt/face2/ComplementoReferenciaNota/0.1.0";
    /** XML signature (the certifier adds the signature). */
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private DteXml() {}

    /** The reference of a credit note to its invoice. */
    record NoteReference(String uuid, String serie, String numero, OffsetDateTime originalEmission, String motivo) {}

    static String document(
            DocumentKind kind,
            OffsetDateTime emittedAt,
            String currency,
            FelEmitter emitter,
            Buyer buyer,
            List<SaleItem> items,
            List<LineAmounts> lines,
            NoteReference reference) {
        XmlOut x = new XmlOut();
        x.start("dte", "GTDocumento", DTE)
                .namespace("dte", DTE)
                .namespace("ds", DS)
                .attr("Version", "0.1");
        x.start("dte", "SAT", DTE).attr("ClaseDocumento", "dte");
        x.start("dte", "DTE", DTE).attr("ID", "DatosCertificados");
        x.start("dte", "DatosEmision", DTE).attr("ID", "DatosEmision");
        x.empty("dte", "DatosGenerales", DTE)
                .attr("Tipo", kind.name())
                .attr("FechaHoraEmision", EmissionTime.format(emittedAt))
                .attr("CodigoMoneda", currency);
        x.start("dte", "Emisor", DTE)
                .attr("NITEmisor", emitter.nit())
                .attr("NombreEmisor", emitter.nombre())
                .attr("CodigoEstablecimiento", emitter.establecimiento())
                .attr("NombreComercial", emitter.nombreComercial())
                .attr("AfiliacionIVA", emitter.afiliacionIva());
        x.start("dte", "DireccionEmisor", DTE);
        x.leaf("dte", "Direccion", DTE, emitter.direccion());
        x.leaf("dte", "CodigoPostal", DTE, emitter.codigoPostal());
        x.leaf("dte", "Municipio", DTE, emitter.municipio());
        x.leaf("dte", "Departamento", DTE, emitter.departamento());
        x.leaf("dte", "Pais", DTE, emitter.pais());
        x.end().end();
        x.empty("dte", "Receptor", DTE)
                .attr("IDReceptor", buyer.id().value())
                .attr("TipoEspecial", buyer.id().type() == BuyerId.Type.CUI ? "CUI" : null)
                .attr("NombreReceptor", buyer.name())
                .attr("CorreoReceptor", buyer.email());
        x.start("dte", "Frases", DTE);
        for (Frase f : emitter.frases()) {
            x.empty("dte", "Frase", DTE).attr("TipoFrase", f.tipoFrase()).attr("CodigoEscenario", f.codigoEscenario());
        }
        x.end();
        x.start("dte", "Items", DTE);
        for (int i = 0; i < items.size(); i++) {
            SaleItem item = items.get(i);
            LineAmounts a = lines.get(i);
            x.start("dte", "Item", DTE)
                    .attr("NumeroLinea", i + 1)
                    .attr("BienOServicio", item.kind().name());
            x.leaf("dte", "Cantidad", DTE, a.quantity().toPlainString());
            x.leaf("dte", "UnidadMedida", DTE, item.unit());
            x.leaf("dte", "Descripcion", DTE, item.description());
            x.leaf("dte", "PrecioUnitario", DTE, a.unitPrice().toPlainString());
            x.leaf("dte", "Precio", DTE, plain(a.precio()));
            x.leaf("dte", "Descuento", DTE, plain(a.descuento()));
            x.start("dte", "Impuestos", DTE).start("dte", "Impuesto", DTE);
            x.leaf("dte", "NombreCorto", DTE, "IVA");
            x.leaf("dte", "CodigoUnidadGravable", DTE, "1");
            x.leaf("dte", "MontoGravable", DTE, plain(a.montoGravable()));
            x.leaf("dte", "MontoImpuesto", DTE, plain(a.montoImpuesto()));
            x.end().end();
            x.leaf("dte", "Total", DTE, plain(a.total()));
            x.end();
        }
        x.end();
        x.start("dte", "Totales", DTE);
        x.start("dte", "TotalImpuestos", DTE);
        x.empty("dte", "TotalImpuesto", DTE)
                .attr("NombreCorto", "IVA")
                .attr("TotalMontoImpuesto", plain(LineAmounts.ivaTotal(lines)));
        x.end();
        x.leaf("dte", "GranTotal", DTE, plain(LineAmounts.grandTotal(lines)));
        x.end();
        if (reference != null) {
            x.start("dte", "Complementos", DTE);
            x.start("dte", "Complemento", DTE)
                    .attr("IDComplemento", "Notas")
                    .attr("NombreComplemento", "Notas")
                    .attr("URIComplemento", REFERENCIA_NOTA);
            x.empty("cno", "ReferenciasNota", REFERENCIA_NOTA)
                    .namespace("cno", REFERENCIA_NOTA)
                    .attr("Version", "0.0")
                    .attr("NumeroAutorizacionDocumentoOrigen", reference.uuid())
                    .attr("SerieDocumentoOrigen", reference.serie())
                    .attr("NumeroDocumentoOrigen", reference.numero())
                    .attr(
                            "FechaEmisionDocumentoOrigen",
                            EmissionTime.inGuatemala(reference.originalEmission())
                                    .toLocalDate()
                                    .toString())
                    .attr("MotivoAjuste", reference.motivo());
            x.end().end();
        }
        x.end().end().end().end();
        return x.finish();
    }

    static String anulacion(OriginalDocument original, String emitterNit, OffsetDateTime cancelledAt, String motivo) {
        XmlOut x = new XmlOut();
        x.start("dte", "GTAnulacionDocumento", ANULACION)
                .namespace("dte", ANULACION)
                .namespace("ds", DS)
                .attr("Version", "0.1");
        x.start("dte", "SAT", ANULACION);
        x.start("dte", "AnulacionDTE", ANULACION).attr("ID", "DatosCertificados");
        x.empty("dte", "DatosGenerales", ANULACION)
                .attr("ID", "DatosAnulacion")
                .attr("NumeroDocumentoAAnular", original.uuid())
                .attr("NITEmisor", emitterNit)
                .attr("IDReceptor", original.receptor().value())
                .attr(
                        "FechaEmisionDocumentoAnular",
                        EmissionTime.format(EmissionTime.inGuatemala(original.emittedAt())))
                .attr("FechaHoraAnulacion", EmissionTime.format(cancelledAt))
                .attr("MotivoAnulacion", motivo);
        x.end().end().end();
        return x.finish();
    }

    private static String plain(BigDecimal v) {
        return v.toPlainString();
    }
}
