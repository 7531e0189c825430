package io.github.camelrecurrente.examples.standins.infile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A document the stand-in certified.
 *
 * @param identificador the client's identificador
 * @param tipo {@code FACT}, {@code NCRE}, ... or {@code ANULACION}
 * @param uuid the authorization number (for an anulación: the cancelled document's)
 * @param serie as answered
 * @param numero as answered
 * @param nitEmisor {@code NITEmisor}
 * @param establecimiento {@code CodigoEstablecimiento} (0 for an anulación)
 * @param receptor {@code IDReceptor}
 * @param currency {@code CodigoMoneda} (null for an anulación)
 * @param emittedAt {@code FechaHoraEmision} (for an anulación: {@code FechaHoraAnulacion})
 * @param granTotal {@code GranTotal} (null for an anulación)
 * @param ivaTotal IVA's {@code TotalMontoImpuesto} (null for an anulación)
 * @param referencedUuid the invoice a credit note references, or the document an anulación cancels
 * @param certifiedXml the certified XML (unsigned: the stand-in signs nothing)
 * @param certifiedAt {@code FechaHoraCertificacion}
 */
public record StandInDocument(
        String identificador,
        String tipo,
        String uuid,
        String serie,
        String numero,
        String nitEmisor,
        int establecimiento,
        String receptor,
        String currency,
        OffsetDateTime emittedAt,
        BigDecimal granTotal,
        BigDecimal ivaTotal,
        String referencedUuid,
        String certifiedXml,
        OffsetDateTime certifiedAt) {

    @Override
    public String toString() {
        return "StandInDocument[" + tipo + " " + identificador + " " + uuid + " serie " + serie + " numero " + numero
                + "]";
    }
}
