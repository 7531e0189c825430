package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Makes SAT's documents for one emitter: a FACT for a payment, an NCRE for a refund of an invoiced payment, an
 * anulación when an operator cancels an invoice. SAT's rules that can be checked here are checked before anything is
 * sent ({@link FelRefusal}); the amounts follow {@link LineAmounts}.
 */
public final class FelDocuments {

    private final FelEmitter emitter;
    private final CfLimit cfLimit;
    private final Clock clock;

    public FelDocuments(FelEmitter emitter, CfLimit cfLimit, Clock clock) {
        if (emitter == null || cfLimit == null || clock == null) {
            throw new IllegalArgumentException("an emitter, a CF limit and a clock are required");
        }
        this.emitter = emitter;
        this.cfLimit = cfLimit;
        this.clock = clock;
    }

    /** @return the emitter the documents are made for */
    public FelEmitter emitter() {
        return emitter;
    }

    /**
     * The invoice (FACT) of a payment.
     *
     * @param paymentId the payment's id: the identificador is derived from it
     * @param revision see {@link Identificador}
     * @throws FelRefusal when a SAT rule refuses it (CF limit, discount above price)
     */
    public FelDocument invoice(String paymentId, Sale sale, int revision) {
        PricedSale priced = PricedSale.of(sale);
        cfLimit.check(sale.buyer().id(), sale.currency(), priced.grandTotal());
        return document(DocumentKind.FACT, paymentId, revision, priced, null);
    }

    /**
     * A credit note (NCRE) for a refund of an invoiced payment, referencing the invoice ({@code ReferenciasNota}).
     * Positive amounts (SAT's notes carry positive amounts).
     *
     * @param refundId the refund's id: the identificador is derived from it
     * @param refund the refunded lines; its buyer and currency must be the invoice's
     * @param original the invoice
     * @param alreadyCredited the total of the credit notes already certified for this invoice (0 for the first)
     * @param motivo {@code MotivoAjuste} (1..200 characters)
     * @param revision see {@link Identificador}
     * @throws FelRefusal when the note and the invoice disagree (receptor, currency) or the notes would exceed it
     */
    public FelDocument creditNote(
            String refundId,
            Sale refund,
            OriginalDocument original,
            BigDecimal alreadyCredited,
            String motivo,
            int revision) {
        String reason = requireText("motivo", motivo, 200);
        if (!refund.buyer().id().equals(original.receptor())) {
            throw new FelRefusal(
                    FelRule.CREDIT_RECEPTOR,
                    "the credit note is for " + refund.buyer().id() + " but invoice " + original.uuid() + " is for "
                            + original.receptor());
        }
        if (!refund.currency().equals(original.currency())) {
            throw new FelRefusal(
                    FelRule.CREDIT_CURRENCY,
                    "the credit note is in " + refund.currency() + " but invoice " + original.uuid() + " is in "
                            + original.currency());
        }
        PricedSale priced = PricedSale.of(refund);
        BigDecimal grandTotal = priced.grandTotal();
        BigDecimal credited = alreadyCredited == null ? BigDecimal.ZERO : alreadyCredited;
        if (credited.add(grandTotal).compareTo(original.grandTotal()) > 0) {
            throw new FelRefusal(
                    FelRule.CREDIT_ABOVE_ORIGINAL,
                    "a credit note of " + grandTotal.toPlainString() + " after " + credited.toPlainString()
                            + " already credited exceeds invoice " + original.uuid() + " of "
                            + original.grandTotal().toPlainString());
        }
        BigDecimal ivaTotal = priced.ivaTotal();
        if (ivaTotal.compareTo(original.ivaTotal()) > 0) {
            throw new FelRefusal(
                    FelRule.CREDIT_IVA_ABOVE_ORIGINAL,
                    "the credit note's IVA " + ivaTotal.toPlainString() + " exceeds invoice " + original.uuid()
                            + "'s IVA " + original.ivaTotal().toPlainString());
        }
        cfLimit.check(refund.buyer().id(), refund.currency(), grandTotal);
        DteXml.NoteReference reference = new DteXml.NoteReference(
                original.uuid(), original.serie(), original.numero(), original.emittedAt(), reason);
        return document(DocumentKind.NCRE, refundId, revision, priced, reference);
    }

    /**
     * The anulación of a certified invoice, dated now. SAT allows it until the due date of the IVA return of the
     * invoice's month; our reading of that date is the last day of the following month (the return is due on its last
     * business day: a weekend at the month's end makes SAT refuse earlier, with FEL_ANU375 in its answer).
     *
     * @param paymentId the payment whose invoice is cancelled: the anulación's identificador is derived from it
     * @param motivo {@code MotivoAnulacion} (1..255 characters)
     * @param revision see {@link Identificador}
     * @throws FelRefusal when the period is closed (issue a credit note instead) or the clock is before the invoice
     */
    public FelDocument anulacion(String paymentId, OriginalDocument original, String motivo, int revision) {
        String reason = requireText("motivo", motivo, 255);
        OffsetDateTime now = EmissionTime.inGuatemala(clock.instant());
        OffsetDateTime emitted = EmissionTime.inGuatemala(original.emittedAt());
        if (now.isBefore(emitted)) {
            throw new FelRefusal(
                    FelRule.ANULACION_BEFORE_EMISSION,
                    "the anulación would be dated " + EmissionTime.format(now) + ", before the invoice's emission "
                            + EmissionTime.format(emitted));
        }
        OffsetDateTime deadline = emitted.toLocalDate()
                .plusMonths(1)
                .with(TemporalAdjusters.lastDayOfMonth())
                .plusDays(1)
                .atStartOfDay(EmissionTime.GUATEMALA)
                .toOffsetDateTime();
        if (!now.isBefore(deadline)) {
            throw new FelRefusal(
                    FelRule.ANULACION_PERIOD,
                    "invoice " + original.uuid() + " of " + emitted.toLocalDate() + " can be cancelled until "
                            + deadline.toLocalDate().minusDays(1) + " (the IVA return of its month); it is "
                            + now.toLocalDate());
        }
        String xml = DteXml.anulacion(original, emitter.nit(), now, reason);
        return new FelDocument(
                DocumentKind.ANULACION,
                Identificador.of(DocumentKind.ANULACION, paymentId, revision),
                xml,
                emitter.nit(),
                emitter.establecimiento(),
                original.emittedAt(),
                original.receptor(),
                original.currency(),
                original.grandTotal(),
                original.ivaTotal(),
                original.uuid());
    }

    /**
     * The FACT or NCRE of a priced sale, by this emitter: the one place its identificador, XML and totals are put
     * together.
     *
     * @param sourceId the payment's (FACT) or the refund's (NCRE) id
     * @param reference the invoice a credit note references, null for an invoice
     */
    private FelDocument document(
            DocumentKind kind, String sourceId, int revision, PricedSale priced, DteXml.NoteReference reference) {
        Sale sale = priced.sale();
        String xml = DteXml.document(
                kind,
                priced.emittedAt(),
                sale.currency(),
                emitter,
                sale.buyer(),
                sale.items(),
                priced.lines(),
                reference);
        return new FelDocument(
                kind,
                Identificador.of(kind, sourceId, revision),
                xml,
                emitter.nit(),
                emitter.establecimiento(),
                priced.emittedAt(),
                sale.buyer().id(),
                sale.currency(),
                priced.grandTotal(),
                priced.ivaTotal(),
                reference == null ? null : reference.uuid());
    }

    private static String requireText(String field, String value, int max) {
        String v = Text.collapse(value);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + " is required (1 to " + max + " characters)");
        }
        return Text.cut(v, max);
    }
}
