package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.List;

/**
 * A document the certifier has certified. {@link #toString()} leaves the certified XML out.
 *
 * @param document what was sent
 * @param uuid the authorization number (uppercase)
 * @param serie as the certifier answered it (SAT derives it from the UUID; INFILE's test mode answers "Pruebas")
 * @param numero as the certifier answered it
 * @param certifiedAt the certifier's {@code fecha}, as answered; null when not given (look-up)
 * @param certifiedXml the certified XML as the certifier returned it, decoded; null when the answer carried none (a
 *     repeat answer or a look-up: fetch the PDF or ask the certifier's portal)
 * @param pdfUrl the document for people: the certifier's PDF (INFILE:
 *     {@code {report-url}/ingfacereport/ingfacereport_documento?uuid=<UUID>}); push it as {@code tax_invoice_url}
 * @param verificationUrl SAT's public verification page of the document; null for an anulación
 * @param origin how this answer was obtained
 * @param alerts the certifier's and SAT's warnings (not errors), possibly empty
 */
public record CertifiedDocument(
        FelDocument document,
        String uuid,
        String serie,
        String numero,
        String certifiedAt,
        String certifiedXml,
        String pdfUrl,
        String verificationUrl,
        Origin origin,
        List<String> alerts) {

    /** How the answer was obtained. */
    public enum Origin {
        /** Certified by this request. */
        CERTIFIED,
        /** The certifier had it already: it answered the repeated identificador with the original. */
        REPEATED,
        /** Found by the look-up by identificador (after a lost answer, or in doubt after a crash). */
        LOOKED_UP
    }

    public CertifiedDocument {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** @return the certified invoice as a credit note or an anulación needs it */
    public OriginalDocument asOriginal() {
        return new OriginalDocument(
                uuid,
                serie,
                numero,
                document.emittedAt(),
                document.receptor(),
                document.currency(),
                document.grandTotal(),
                document.ivaTotal());
    }

    @Override
    public String toString() {
        return "CertifiedDocument[" + document.kind() + " " + document.identificador() + ", uuid " + uuid + ", serie "
                + serie + ", numero " + numero + ", " + origin + ", pdf " + pdfUrl + "]";
    }
}
