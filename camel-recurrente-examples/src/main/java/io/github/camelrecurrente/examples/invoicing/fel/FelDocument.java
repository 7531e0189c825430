package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A document ready for the certifier: the unsigned XML and what the certifier client and the ledger need to know about
 * it without parsing it. {@link #toString()} leaves the XML out.
 *
 * @param kind FACT, NCRE or ANULACION
 * @param identificador the certifier's idempotency key ({@link Identificador})
 * @param xml the unsigned document (GTDocumento or GTAnulacionDocumento), UTF-8 text
 * @param emitterNit {@code NITEmisor}
 * @param establishment {@code CodigoEstablecimiento}
 * @param emittedAt {@code FechaHoraEmision} (for an anulación: the cancelled document's)
 * @param receptor {@code IDReceptor}
 * @param currency {@code CodigoMoneda} (for an anulación: the cancelled document's)
 * @param grandTotal {@code GranTotal} (for an anulación: the cancelled document's)
 * @param ivaTotal IVA's {@code TotalMontoImpuesto} (for an anulación: the cancelled document's)
 * @param referencedUuid the invoice a credit note references, or the document an anulación cancels; null for FACT
 */
public record FelDocument(
        DocumentKind kind,
        String identificador,
        String xml,
        String emitterNit,
        int establishment,
        OffsetDateTime emittedAt,
        BuyerId receptor,
        String currency,
        BigDecimal grandTotal,
        BigDecimal ivaTotal,
        String referencedUuid) {

    @Override
    public String toString() {
        return "FelDocument[" + kind + " " + identificador + ", emitted " + EmissionTime.format(emittedAt) + ", to "
                + receptor + ", " + currency + " " + grandTotal.toPlainString()
                + (referencedUuid == null ? "" : ", references " + referencedUuid) + "]";
    }
}
