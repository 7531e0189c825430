package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A certified invoice as the ledger keeps it: what a credit note must reference and an anulación must repeat.
 * {@link CertifiedDocument#asOriginal()} makes one.
 *
 * @param uuid the authorization number
 * @param serie the serie the certifier answered
 * @param numero the número the certifier answered
 * @param emittedAt its {@code FechaHoraEmision}
 * @param receptor its {@code IDReceptor}
 * @param currency its {@code CodigoMoneda}
 * @param grandTotal its {@code GranTotal}
 * @param ivaTotal its IVA {@code TotalMontoImpuesto}
 */
public record OriginalDocument(
        String uuid,
        String serie,
        String numero,
        OffsetDateTime emittedAt,
        BuyerId receptor,
        String currency,
        BigDecimal grandTotal,
        BigDecimal ivaTotal) {

    public OriginalDocument {
        uuid = SatAuthorization.normaliseUuid(uuid);
        if (serie == null || serie.isBlank() || numero == null || numero.isBlank()) {
            throw new IllegalArgumentException("an original document has its serie and numero");
        }
        if (emittedAt == null || receptor == null || currency == null || grandTotal == null || ivaTotal == null) {
            throw new IllegalArgumentException(
                    "an original document has its emission time, receptor, currency and totals");
        }
    }
}
