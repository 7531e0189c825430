package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.Optional;

/**
 * A FEL certifier: INFILE ({@link InfileCertifier}) today; Digifact (token + FelRequestV2), Megaprint (token,
 * verify-then-register) or G4S (SOAP) would be other implementations. Every method is safe to call again with the
 * same document: the document's identificador makes the certifier answer a repeat with the original.
 * <p>
 * Failures are {@link FelFailure}s: {@link FelRejection} (final) or {@link FelUnavailable} (retry with backoff).
 */
public interface Certifier {

    /** @return a short name for messages and logs, e.g. {@code INFILE} */
    String name();

    /**
     * Certifies a FACT or NCRE. When the answer is lost the implementation looks the document up by identificador
     * before it gives up with {@link FelUnavailable}.
     */
    CertifiedDocument certify(FelDocument document);

    /** Certifies an anulación ({@link DocumentKind#ANULACION}). */
    CertifiedDocument cancel(FelDocument anulacion);

    /**
     * Looks a FACT or NCRE up by its identificador.
     *
     * @return the certified document, or empty when the certifier has none with that identificador
     * @throws FelUnavailable when the certifier cannot be asked
     */
    Optional<CertifiedDocument> lookUp(FelDocument document);
}
