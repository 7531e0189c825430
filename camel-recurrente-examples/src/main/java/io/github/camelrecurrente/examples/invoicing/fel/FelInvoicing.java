package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one call a route makes per document: a sale in, a {@link CertifiedDocument} out, or a {@link FelFailure}:
 * <ul>
 * <li>{@link FelRefusal}: refused here by a SAT rule before anything was sent (final: dead letter with
 * {@link FelFailure#code()}, {@link FelFailure#reason()}, {@link FelFailure#operatorAction()});</li>
 * <li>{@link FelRejection}: the certifier did not certify (final: dead letter with every message);</li>
 * <li>{@link FelUnavailable}: retry later with backoff (the same identificador makes it safe).</li>
 * </ul>
 * With {@link Attempt#mayHaveBeenSent()} the document is looked up by identificador before it is sent (a step in
 * doubt after a crash).
 */
public final class FelInvoicing {

    private static final Logger LOG = LoggerFactory.getLogger(FelInvoicing.class);

    private final FelDocuments documents;
    private final Certifier certifier;

    public FelInvoicing(FelDocuments documents, Certifier certifier) {
        this.documents = documents;
        this.certifier = certifier;
    }

    /**
     * Invoicing through INFILE configured by properties ({@code fel.emisor.*}, {@code fel.infile.*},
     * {@code fel.cf-limit.gtq-per-usd}).
     *
     * @throws FelConfigurationException naming the first missing or malformed property
     */
    public static FelInvoicing withInfile(Function<String, String> properties, Clock clock) {
        FelEmitter emitter = FelProperties.emitter(properties);
        CfLimit cfLimit = FelProperties.cfLimit(properties);
        InfileSettings infile = FelProperties.infile(properties);
        return new FelInvoicing(new FelDocuments(emitter, cfLimit, clock), new InfileCertifier(infile));
    }

    /** @return the document builder (to build without certifying, e.g. to show a document) */
    public FelDocuments documents() {
        return documents;
    }

    /** @return the certifier */
    public Certifier certifier() {
        return certifier;
    }

    /** Invoices a payment (FACT). */
    public CertifiedDocument invoicePayment(String paymentId, Sale sale, Attempt attempt) {
        return certify(documents.invoice(paymentId, sale, attempt.revision()), attempt);
    }

    /**
     * Credits a refund of an invoiced payment (NCRE).
     *
     * @param alreadyCredited the total of the credit notes already certified for this invoice
     */
    public CertifiedDocument creditRefund(
            String refundId,
            Sale refund,
            OriginalDocument invoice,
            BigDecimal alreadyCredited,
            String motivo,
            Attempt attempt) {
        return certify(
                documents.creditNote(refundId, refund, invoice, alreadyCredited, motivo, attempt.revision()), attempt);
    }

    /**
     * Cancels a payment's invoice (anulación), at the operator's request. In doubt or not, it is sent: the look-up is
     * documented for certifications only, and the anulación's own identificador makes a repeat answer the original.
     */
    public CertifiedDocument cancelInvoice(String paymentId, OriginalDocument invoice, String motivo, Attempt attempt) {
        FelDocument anulacion = documents.anulacion(paymentId, invoice, motivo, attempt.revision());
        return certifier.cancel(anulacion);
    }

    /**
     * Certifies a FACT or NCRE built beforehand with {@link #documents()} (so that a refusal comes before the caller
     * records that it starts sending): looked up first when {@link Attempt#mayHaveBeenSent()}.
     */
    public CertifiedDocument certify(FelDocument document, Attempt attempt) {
        if (document.kind() == DocumentKind.ANULACION) {
            throw new IllegalArgumentException("an anulación is sent with cancelInvoice(), not certify()");
        }
        if (attempt.mayHaveBeenSent()) {
            Optional<CertifiedDocument> found = certifier.lookUp(document);
            if (found.isPresent()) {
                LOG.info(
                        "{} {} was certified by an earlier try: {}",
                        document.kind(),
                        document.identificador(),
                        found.get().uuid());
                return found.get();
            }
        }
        return certifier.certify(document);
    }
}
