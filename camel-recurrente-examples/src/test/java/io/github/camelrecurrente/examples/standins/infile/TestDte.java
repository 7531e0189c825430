package io.github.camelrecurrente.examples.standins.infile;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written documents for the stand-in's tests: valid by default (two units of a Q100.00 service to CF, emitted
 * by NIT 12345679 on 2025-06-10), each field changeable to break one rule. Written here, independently of the document
 * builder the stand-in is used to test.
 */
final class TestDte {

    String tipo = "FACT";
    String emision = "2025-06-10T09:30:00-06:00";
    String moneda = "GTQ";
    String nitEmisor = "12345679";
    String establecimiento = "2";
    String receptor = "CF";
    String tipoEspecial = null;
    final List<String[]> items = new ArrayList<>();
    String totalIva = "21.43";
    String granTotal = "200.00";
    String referencia = null;

    TestDte() {
        // Cantidad, PrecioUnitario, Precio, Descuento, MontoGravable, MontoImpuesto, Total
        items.add(new String[] {"2", "100.00", "200.00", "0.00", "178.57", "21.43", "200.00"});
    }

    /** One line of {@code amount} and the totals that go with it (IVA rounded, base the rest). */
    TestDte amount(String amount, String gravable, String iva) {
        items.clear();
        items.add(new String[] {"1", amount, amount, "0.00", gravable, iva, amount});
        totalIva = iva;
        granTotal = amount;
        return this;
    }

    /** A credit note referencing a certified document. */
    TestDte noteFor(String uuid, String serie, String numero, String originDay) {
        tipo = "NCRE";
        referencia = "<cno:ReferenciasNota xmlns:cno=\"http://www.sat.gob.gt/face2/ComplementoReferenciaNota/0.1.0\""
                + " Version=\"0.0\" NumeroAutorizacionDocumentoOrigen=\"" + uuid + "\" SerieDocumentoOrigen=\"" + serie
                + "\" NumeroDocumentoOrigen=\"" + numero + "\" FechaEmisionDocumentoOrigen=\"" + originDay
                + "\" MotivoAjuste=\"Devolucion\"/>";
        return this;
    }

    String xml() {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<dte:GTDocumento xmlns:dte=\"http://www.sat.gob.gt/dte/fel/0.2.0\" Version=\"0.1\">");
        b.append("<dte:SAT ClaseDocumento=\"dte\"><dte:DTE ID=\"DatosCertificados\">");
        b.append("<dte:DatosEmision ID=\"DatosEmision\">");
        b.append("<dte:DatosGenerales Tipo=\"")
                .append(tipo)
                .append("\" FechaHoraEmision=\"")
                .append(emision)
                .append("\" CodigoMoneda=\"")
                .append(moneda)
                .append("\"/>");
        b.append("<dte:Emisor NITEmisor=\"")
                .append(nitEmisor)
                .append("\" NombreEmisor=\"PRUEBA, S.A.\"")
                .append(" CodigoEstablecimiento=\"")
                .append(establecimiento)
                .append("\" NombreComercial=\"PRUEBA\" AfiliacionIVA=\"GEN\">");
        b.append("<dte:DireccionEmisor><dte:Direccion>Ciudad</dte:Direccion><dte:CodigoPostal>01001</dte:CodigoPostal>")
                .append("<dte:Municipio>Mixco</dte:Municipio><dte:Departamento>Guatemala</dte:Departamento>")
                .append("<dte:Pais>GT</dte:Pais></dte:DireccionEmisor></dte:Emisor>");
        b.append("<dte:Receptor IDReceptor=\"").append(receptor).append('"');
        if (tipoEspecial != null) {
            b.append(" TipoEspecial=\"").append(tipoEspecial).append('"');
        }
        b.append(" NombreReceptor=\"Cliente\"/>");
        b.append("<dte:Frases><dte:Frase TipoFrase=\"1\" CodigoEscenario=\"2\"/></dte:Frases><dte:Items>");
        int line = 1;
        for (String[] i : items) {
            b.append("<dte:Item NumeroLinea=\"")
                    .append(line++)
                    .append("\" BienOServicio=\"S\">")
                    .append("<dte:Cantidad>")
                    .append(i[0])
                    .append("</dte:Cantidad>")
                    .append("<dte:UnidadMedida>UNI</dte:UnidadMedida><dte:Descripcion>Servicio</dte:Descripcion>")
                    .append("<dte:PrecioUnitario>")
                    .append(i[1])
                    .append("</dte:PrecioUnitario>")
                    .append("<dte:Precio>")
                    .append(i[2])
                    .append("</dte:Precio>")
                    .append("<dte:Descuento>")
                    .append(i[3])
                    .append("</dte:Descuento>")
                    .append("<dte:Impuestos><dte:Impuesto><dte:NombreCorto>IVA</dte:NombreCorto>")
                    .append("<dte:CodigoUnidadGravable>1</dte:CodigoUnidadGravable>")
                    .append("<dte:MontoGravable>")
                    .append(i[4])
                    .append("</dte:MontoGravable>")
                    .append("<dte:MontoImpuesto>")
                    .append(i[5])
                    .append("</dte:MontoImpuesto>")
                    .append("</dte:Impuesto></dte:Impuestos>")
                    .append("<dte:Total>")
                    .append(i[6])
                    .append("</dte:Total></dte:Item>");
        }
        b.append("</dte:Items><dte:Totales><dte:TotalImpuestos><dte:TotalImpuesto NombreCorto=\"IVA\"")
                .append(" TotalMontoImpuesto=\"")
                .append(totalIva)
                .append("\"/></dte:TotalImpuestos>")
                .append("<dte:GranTotal>")
                .append(granTotal)
                .append("</dte:GranTotal></dte:Totales>");
        if (referencia != null) {
            b.append("<dte:Complementos><dte:Complemento IDComplemento=\"Notas\" NombreComplemento=\"Notas\"")
                    .append(" URIComplemento=\"http://www.sat.gob.gt/face2/ComplementoReferenciaNota/0.1.0\">")
                    .append(referencia)
                    .append("</dte:Complemento></dte:Complementos>");
        }
        b.append("</dte:DatosEmision></dte:DTE></dte:SAT></dte:GTDocumento>");
        return b.toString();
    }

    static String anulacion(String uuid, String nit, String receptor, String emitted, String at) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<dte:GTAnulacionDocumento xmlns:dte=\"http://www.sat.gob.gt/dte/fel/0.1.0\" Version=\"0.1\">"
                + "<dte:SAT><dte:AnulacionDTE ID=\"DatosCertificados\"><dte:DatosGenerales ID=\"DatosAnulacion\""
                + " NumeroDocumentoAAnular=\"" + uuid + "\" NITEmisor=\"" + nit + "\" IDReceptor=\"" + receptor
                + "\" FechaEmisionDocumentoAnular=\"" + emitted + "\" FechaHoraAnulacion=\"" + at
                + "\" MotivoAnulacion=\"Error en el cobro\"/></dte:AnulacionDTE></dte:SAT></dte:GTAnulacionDocumento>";
    }
}
