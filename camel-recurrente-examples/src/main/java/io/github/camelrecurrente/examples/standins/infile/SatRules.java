package io.github.camelrecurrente.examples.standins.infile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.w3c.dom.Element;

/**
 * SAT's rules the stand-in checks on what it receives (SAT "Reglas y Validaciones FEL", catalogoMensajes 0.3.0),
 * with a tolerance of 0.01 per line and per total. Its own reading, independent of the document builder.
 */
final class SatRules {

    static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    static final BigDecimal CF_LIMIT_GTQ = new BigDecimal("2500.00");
    static final ZoneOffset GUATEMALA = ZoneOffset.ofHours(-6);

    private static final BigDecimal IVA_FACTOR = new BigDecimal("1.12");
    private static final BigDecimal IVA_RATE = new BigDecimal("0.12");

    private final Map<String, BigDecimal> gtqPerUnit;
    private final Clock clock;

    SatRules(Map<String, BigDecimal> gtqPerUnit, Clock clock) {
        this.gtqPerUnit = Map.copyOf(gtqPerUnit);
        this.clock = clock;
    }

    /** Reads {@code FechaHora...} values: with an offset, or Guatemala's time when none is given. */
    static OffsetDateTime dateTime(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atOffset(GUATEMALA);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The checks of a GTDocumento (FACT, NCRE, ...). */
    List<SatCheck> checkDocument(ReceivedDocument d, Function<String, StandInDocument> byUuid) {
        List<SatCheck> errors = new ArrayList<>();
        Element generales = d.first("DatosGenerales");
        Element emisor = d.first("Emisor");
        Element receptor = d.first("Receptor");
        Element totales = d.first("Totales");
        if (generales == null || emisor == null || receptor == null || totales == null) {
            errors.add(new SatCheck("FEL_GEN102", "El XML enviado no cumple con el esquema del XSD (faltan datos)."));
            return errors;
        }
        checkEmission(generales, errors);
        if (!validNit(ReceivedDocument.attr(emisor, "NITEmisor"))) {
            errors.add(new SatCheck(
                    "FEL_RCP302",
                    "El NIT no existe en la SAT (NITEmisor " + ReceivedDocument.attr(emisor, "NITEmisor") + ")."));
        }
        String idReceptor = ReceivedDocument.attr(receptor, "IDReceptor");
        String tipoEspecial = ReceivedDocument.attr(receptor, "TipoEspecial");
        if ("CUI".equals(tipoEspecial)) {
            if (!idReceptor.matches("[0-9]{13}")) {
                errors.add(new SatCheck("FEL_RCP307", "El CUI del Receptor no es numérico (" + idReceptor + ")."));
            }
        } else if (!"CF".equals(idReceptor) && tipoEspecial.isEmpty() && !validNit(idReceptor)) {
            errors.add(new SatCheck(
                    "FEL_RCP309",
                    "El NIT del Receptor no existe en la SAT (dígito verificador de " + idReceptor + ")."));
        }
        BigDecimal sumTotal = BigDecimal.ZERO;
        BigDecimal sumIva = BigDecimal.ZERO;
        for (Element item : ReceivedDocument.all(d.dom().getDocumentElement(), "Item")) {
            String line = "línea " + ReceivedDocument.attr(item, "NumeroLinea");
            BigDecimal cantidad = ReceivedDocument.decimal(item, "Cantidad");
            BigDecimal unitario = ReceivedDocument.decimal(item, "PrecioUnitario");
            BigDecimal precio = ReceivedDocument.decimal(item, "Precio");
            BigDecimal descuento = ReceivedDocument.decimal(item, "Descuento");
            BigDecimal total = ReceivedDocument.decimal(item, "Total");
            if (cantidad == null || unitario == null || precio == null || total == null) {
                errors.add(
                        new SatCheck("FEL_GEN102", "El XML enviado no cumple con el esquema del XSD (" + line + ")."));
                continue;
            }
            descuento = descuento == null ? BigDecimal.ZERO : descuento;
            if (off(precio, cantidad.multiply(unitario))) {
                errors.add(new SatCheck(
                        "FEL_RCP313",
                        "Precio calculado incorrectamente (" + line + ": " + precio + " ≠ " + cantidad + " × "
                                + unitario + ")."));
            }
            if (descuento.compareTo(precio) > 0) {
                errors.add(new SatCheck("FEL_RCP314", "El Descuento no debe ser mayor al Precio (" + line + ")."));
            }
            BigDecimal base = precio.subtract(descuento);
            for (Element impuesto : ReceivedDocument.all(item, "Impuesto")) {
                if (!"IVA".equals(ReceivedDocument.text(impuesto, "NombreCorto"))) {
                    continue;
                }
                BigDecimal gravable = ReceivedDocument.decimal(impuesto, "MontoGravable");
                BigDecimal monto = ReceivedDocument.decimal(impuesto, "MontoImpuesto");
                if (gravable == null) {
                    errors.add(
                            new SatCheck("FEL_RCP329", "Monto Gravable debe estar presente para IVA (" + line + ")."));
                    continue;
                }
                if (monto == null) {
                    errors.add(new SatCheck("FEL_GEN102", "Falta MontoImpuesto (" + line + ")."));
                    continue;
                }
                if (off(gravable, base.divide(IVA_FACTOR, 10, RoundingMode.HALF_UP))) {
                    errors.add(new SatCheck(
                            "FEL_RCP226",
                            "Error. Monto Gravable calculado incorrectamente para el IVA (" + line + ": " + gravable
                                    + ")."));
                }
                if (off(monto, gravable.multiply(IVA_RATE))) {
                    errors.add(new SatCheck(
                            "FEL_RCP331",
                            "Monto del Impuesto calculado incorrectamente para el IVA (" + line + ": " + monto + ")."));
                }
                sumIva = sumIva.add(monto);
            }
            if (off(total, base)) {
                errors.add(
                        new SatCheck("FEL_RCP348", "Total calculado incorrectamente (" + line + ": " + total + ")."));
            }
            sumTotal = sumTotal.add(total);
        }
        for (Element t : ReceivedDocument.all(totales, "TotalImpuesto")) {
            if ("IVA".equals(ReceivedDocument.attr(t, "NombreCorto"))) {
                BigDecimal totalIva = ReceivedDocument.decimal(ReceivedDocument.attr(t, "TotalMontoImpuesto"));
                if (totalIva == null || off(totalIva, sumIva)) {
                    errors.add(new SatCheck(
                            "FEL_RCP332",
                            "El total de Impuesto calculado incorrectamente para el IVA (" + totalIva + " ≠ " + sumIva
                                    + ")."));
                }
            }
        }
        BigDecimal granTotal = ReceivedDocument.decimal(totales, "GranTotal");
        if (granTotal == null || off(granTotal, sumTotal)) {
            errors.add(new SatCheck(
                    "FEL_RCP349", "Gran Total calculado incorrectamente (" + granTotal + " ≠ " + sumTotal + ")."));
        }
        String currency = ReceivedDocument.attr(generales, "CodigoMoneda");
        if ("CF".equals(idReceptor) && granTotal != null) {
            BigDecimal rate =
                    "GTQ".equals(currency) ? BigDecimal.ONE : gtqPerUnit.getOrDefault(currency, BigDecimal.ONE);
            BigDecimal inQuetzales = granTotal.multiply(rate);
            if (inQuetzales.compareTo(CF_LIMIT_GTQ) >= 0) {
                errors.add(new SatCheck(
                        "FEL_RCP535",
                        "Error. El monto total en Q del documento excede el límite permitido para CF (" + currency + " "
                                + granTotal + " = Q" + inQuetzales.setScale(2, RoundingMode.HALF_UP) + ")."));
            }
        }
        if ("NCRE".equals(ReceivedDocument.attr(generales, "Tipo"))) {
            checkCreditNote(d, emisor, idReceptor, currency, granTotal, sumIva, byUuid, errors);
        }
        return errors;
    }

    private void checkEmission(Element generales, List<SatCheck> errors) {
        OffsetDateTime emitted = dateTime(ReceivedDocument.attr(generales, "FechaHoraEmision"));
        if (emitted == null) {
            errors.add(new SatCheck("FEL_GEN102", "FechaHoraEmision no es una fecha y hora."));
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(GUATEMALA);
        LocalDate lastOfMonth = now.toLocalDate().with(TemporalAdjusters.lastDayOfMonth());
        if (emitted.withOffsetSameInstant(GUATEMALA).toLocalDate().isAfter(lastOfMonth)) {
            errors.add(new SatCheck(
                    "FEL_RCP301",
                    "La fecha de emisión es posterior al último día del mes de la fecha de certificación."));
        }
        if (Duration.between(emitted, now).compareTo(Duration.ofDays(5)) > 0) {
            errors.add(new SatCheck(
                    "FEL_INF300", "La diferencia entre la fecha de emisión y de certificación excede los cinco días."));
        }
    }

    private static void checkCreditNote(
            ReceivedDocument d,
            Element emisor,
            String idReceptor,
            String currency,
            BigDecimal granTotal,
            BigDecimal iva,
            Function<String, StandInDocument> byUuid,
            List<SatCheck> errors) {
        Element ref = d.first("ReferenciasNota");
        if (ref == null) {
            errors.add(
                    new SatCheck("FEL_RCP119", "Un complemento requerido está ausente en el DTE (ReferenciasNota)."));
            return;
        }
        String uuid = ReceivedDocument.attr(ref, "NumeroAutorizacionDocumentoOrigen");
        StandInDocument origin = byUuid.apply(uuid);
        if (origin == null || "ANULACION".equals(origin.tipo())) {
            errors.add(new SatCheck(
                    "FEL_RCP351",
                    "El número de Autorización del Documento Origen no coincide con ningún DTE registrado en la SAT ("
                            + uuid + ")."));
            return;
        }
        if (!"FACT".equals(origin.tipo()) && !"FCAM".equals(origin.tipo())) {
            errors.add(new SatCheck(
                    "FEL_RCP352",
                    "El número de Autorización del Documento Origen corresponde a un documento diferente a factura."));
        }
        if (!origin.nitEmisor().equals(ReceivedDocument.attr(emisor, "NITEmisor"))) {
            errors.add(new SatCheck(
                    "FEL_RCP354",
                    "El valor de la casilla NIT del Emisor no coincide con el registrado en el Documento Origen."));
        }
        if (!origin.receptor().equals(idReceptor)) {
            errors.add(new SatCheck(
                    "FEL_RCP355",
                    "El valor de la casilla ID del Receptor no coincide con el registrado en el Documento Origen."));
        }
        LocalDate originDay =
                origin.emittedAt().withOffsetSameInstant(GUATEMALA).toLocalDate();
        if (!originDay.toString().equals(ReceivedDocument.attr(ref, "FechaEmisionDocumentoOrigen"))) {
            errors.add(new SatCheck(
                    "FEL_RCP358", "La fecha de emisión del documento origen no coincide con la registrada en la SAT."));
        }
        if (!origin.currency().equals(currency)) {
            errors.add(new SatCheck(
                    "FEL_RCP383",
                    "Error. El documento que desea emitir debe contener la misma moneda del DTE origen."));
        }
        if (granTotal != null && granTotal.compareTo(origin.granTotal()) > 0) {
            errors.add(new SatCheck(
                    "FEL_RCP350", "El Gran Total no puede ser mayor al del documento origen registrado en la SAT."));
        }
        if (iva.compareTo(origin.ivaTotal()) > 0) {
            errors.add(new SatCheck(
                    "FEL_RCP333",
                    "El total del impuesto IVA no puede ser mayor al del documento origen registrado en la SAT."));
        }
    }

    /** The checks of a GTAnulacionDocumento. */
    List<SatCheck> checkAnulacion(
            ReceivedDocument d,
            Function<String, StandInDocument> byUuid,
            Predicate<String> cancelled,
            Predicate<String> creditedByNote) {
        List<SatCheck> errors = new ArrayList<>();
        Element g = d.first("DatosGenerales");
        if (g == null) {
            errors.add(new SatCheck("FEL_GEN102", "El XML enviado no cumple con el esquema del XSD (DatosGenerales)."));
            return errors;
        }
        String uuid = ReceivedDocument.attr(g, "NumeroDocumentoAAnular");
        StandInDocument origin = byUuid.apply(uuid);
        if (origin == null || "ANULACION".equals(origin.tipo())) {
            errors.add(
                    new SatCheck(
                            "FEL_ANU368",
                            "El número de Autorización del Documento a anular no coincide con ningún DTE registrado en la SAT."));
            return errors;
        }
        if (!origin.nitEmisor().equals(ReceivedDocument.attr(g, "NITEmisor"))) {
            errors.add(new SatCheck(
                    "FEL_ANU369", "El NIT del Emisor del documento a anular no coincide con el registrado en la SAT."));
        }
        if (!origin.receptor().equals(ReceivedDocument.attr(g, "IDReceptor"))) {
            errors.add(new SatCheck(
                    "FEL_ANU371",
                    "El ID del Receptor del documento a anular no coincide con el registrado en la SAT."));
        }
        OffsetDateTime emitted = dateTime(ReceivedDocument.attr(g, "FechaEmisionDocumentoAnular"));
        if (emitted == null || !emitted.toInstant().equals(origin.emittedAt().toInstant())) {
            errors.add(new SatCheck(
                    "FEL_ANU374",
                    "La fecha de emisión del documento a anular no coincide con la registrada en la SAT."));
        }
        OffsetDateTime at = dateTime(ReceivedDocument.attr(g, "FechaHoraAnulacion"));
        if (at == null || at.isBefore(origin.emittedAt())) {
            errors.add(new SatCheck(
                    "FEL_ANU376",
                    "La fecha de anulación no puede ser inferior a la fecha de emisión del DTE a anular."));
        }
        LocalDate due = origin.emittedAt()
                .withOffsetSameInstant(GUATEMALA)
                .toLocalDate()
                .plusMonths(1)
                .with(TemporalAdjusters.lastDayOfMonth());
        if (OffsetDateTime.now(clock)
                .withOffsetSameInstant(GUATEMALA)
                .toLocalDate()
                .isAfter(due)) {
            errors.add(new SatCheck(
                    "FEL_ANU375",
                    "La fecha de anulación excede el plazo de vencimiento de la declaración mensual del IVA."));
        }
        if (cancelled.test(origin.uuid())) {
            errors.add(
                    new SatCheck("FEL_ANU458", "Error. El DTE a anular se encuentra con estado diferente a vigente."));
        }
        if (creditedByNote.test(origin.uuid())) {
            errors.add(
                    new SatCheck("SAT_3.16", "El DTE a anular tiene una nota de crédito vigente que lo referencia."));
        }
        return errors;
    }

    private static boolean off(BigDecimal printed, BigDecimal exact) {
        return printed.subtract(exact).abs().compareTo(TOLERANCE) > 0;
    }

    /** The NIT check digit, as SAT's rules §2.2.4 state it (the stand-in's own reading). */
    static boolean validNit(String nit) {
        if (nit == null || !nit.matches("[1-9][0-9]*[0-9K]") || nit.length() > 13) {
            return false;
        }
        int sum = 0;
        for (int i = nit.length() - 2, weight = 2; i >= 0; i--, weight++) {
            sum += (nit.charAt(i) - '0') * weight;
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'K' : (char) ('0' + check);
        return nit.charAt(nit.length() - 1) == expected;
    }
}
