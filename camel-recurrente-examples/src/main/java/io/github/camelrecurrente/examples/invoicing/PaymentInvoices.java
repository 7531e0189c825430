package io.github.camelrecurrente.examples.invoicing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.camelrecurrente.examples.invoicing.fel.Attempt;
import io.github.camelrecurrente.examples.invoicing.fel.Buyer;
import io.github.camelrecurrente.examples.invoicing.fel.BuyerId;
import io.github.camelrecurrente.examples.invoicing.fel.CertifiedDocument;
import io.github.camelrecurrente.examples.invoicing.fel.EmissionTime;
import io.github.camelrecurrente.examples.invoicing.fel.FelDocument;
import io.github.camelrecurrente.examples.invoicing.fel.FelInvoicing;
import io.github.camelrecurrente.examples.invoicing.fel.OriginalDocument;
import io.github.camelrecurrente.examples.invoicing.fel.Sale;
import io.github.camelrecurrente.examples.invoicing.fel.SaleItem;
import io.github.camelrecurrente.examples.ledger.Money;
import org.apache.camel.Exchange;

/**
 * The CERTIFY step of the outbox for one payment (bean {@code paymentInvoices}, routes/invoicing/fel-invoicing.yaml):
 * the payment's FACT is built from its ledger row ({@link #sale}), SAT's rules checked before anything is recorded or
 * sent (a {@code FelRefusal} leaves no step started), then the start is recorded with the emission time chosen for the
 * payment ({@link FelOutbox#beginCertify}), then the document is certified through {@link FelInvoicing}: looked up
 * first when the payment was claimed with CERTIFY in doubt (and the resolution journaled), sent otherwise (a retry
 * sends the same identificador again, which INFILE answers with the original).
 * <p>
 * Our choices: one line per payment, a service described "Pago en línea &lt;payment id&gt;" at the payment's gross
 * amount (IVA included; the ledger keeps no item lines); the emission time is the payment's ({@code posted_at}) while
 * it is less than 4 days old, else the first attempt's ({@link EmissionTime#forPayment}), kept in
 * {@code payments.fel_emitted_at} so that every retry sends the same document.
 */
public final class PaymentInvoices {

    /** The description of a payment's single line (our choice). */
    static final String DESCRIPTION = "Pago en línea ";

    private final FelOutbox outbox;
    private final FelInvoicing fel;
    private final InvoicingMode mode;
    private final Clock clock;

    /**
     * @param fel the invoicing client, or null when the mode certifies nothing ({@code fel.certifier=off})
     */
    public PaymentInvoices(FelOutbox outbox, FelInvoicing fel, InvoicingMode mode, Clock clock) {
        if (mode.certifies() && fel == null) {
            throw new IllegalArgumentException("fel.certifier=" + mode.certifierValue() + " needs an invoicing client");
        }
        this.outbox = outbox;
        this.fel = fel;
        this.mode = mode;
        this.clock = clock;
    }

    /** @return the mode (for the routes: {@code certifies}, {@code publishes}) */
    public InvoicingMode mode() {
        return mode;
    }

    /** @return true when a payment's invoice is certified */
    public boolean certifies() {
        return mode.certifies();
    }

    /** @return true when the certified invoice's link goes to Recurrente and to the buyer */
    public boolean publishes() {
        return mode.publishes();
    }

    /**
     * Certifies a claimed payment's invoice (FACT).
     *
     * @param payment the claimed payments row (see {@link FelOutbox#claim()}); {@code felEmittedAt} is set in it
     * @return the invoice as the ledger stores it: {@code uuid}, {@code serie}, {@code numero},
     *     {@code invoiceNumber} ({@code serie-numero}), {@code pdfUrl}, {@code verificationUrl}, {@code receptor},
     *     {@code grandTotal}, {@code ivaTotal}, {@code certifiedBy}, {@code origin}
     * @throws io.github.camelrecurrente.examples.invoicing.fel.FelFailure refused, rejected or unavailable
     */
    public Map<String, Object> certify(Map<String, Object> payment) {
        if (fel == null) {
            throw new IllegalStateException("fel.certifier=off: nothing is certified");
        }
        String id = (String) payment.get("paymentIntentId");
        Instant emittedAt = emissionTime(payment);
        int revision = payment.get("felRevision") instanceof Number n ? n.intValue() : 0;
        // SAT's rules first: a refused document is never sent, and no step is started for it
        FelDocument document = fel.documents().invoice(id, sale(payment, emittedAt), revision);
        outbox.beginCertify(id, emittedAt);
        payment.put("felEmittedAt", emittedAt);
        boolean inDoubt = FelOutbox.Step.CERTIFY.name().equals(payment.get("effectStep"));
        CertifiedDocument certified =
                fel.certify(document, inDoubt ? Attempt.inDoubt(revision) : new Attempt(revision, false));
        if (inDoubt) {
            outbox.inDoubt(
                    payment,
                    certified.origin() == CertifiedDocument.Origin.LOOKED_UP
                            ? FelOutbox.Resolution.LOOKUP_FOUND.name()
                            : FelOutbox.Resolution.LOOKUP_NONE.name());
        }
        return stored(
                certified,
                fel.certifier().name() + (mode.certifier() == InvoicingMode.Certifier.STAND_IN ? " STAND-IN" : ""));
    }

    /**
     * Starts work on a claimed payment (the first step of routes/invoicing/fel-invoicing.yaml's fel-invoice-payment):
     * renews the claim when due ({@link FelOutbox#renewIfDue}) and puts in the row what the route decides on, so
     * that it needs no bean call per decision: {@code push} (PATCH tax_invoice_url: not PUSHED yet, a card payment,
     * the mode publishes), {@code certifyNow} (no invoice yet and the mode certifies), {@code storedInvoice} (the
     * invoice it has, {@link #stored(Map)}, when it is not certified now), {@code mailNext} (it has an e-mail
     * address) and {@code amountFormatted} (its gross amount as the receipt shows it, {@code Money.format}).
     *
     * @return false when the claim is no longer this node's or the payment is finished: skip it
     */
    public boolean start(Map<String, Object> payment) {
        if (!outbox.renewIfDue(payment)) {
            return false;
        }
        boolean certifyNow = payment.get("invoiceUrl") == null && mode.certifies();
        payment.put(
                "push",
                !"PUSHED".equals(payment.get("invoiceStatus"))
                        && "card".equals(payment.get("paymentKind"))
                        && mode.publishes());
        payment.put("certifyNow", certifyNow);
        payment.put("storedInvoice", certifyNow ? null : stored(payment));
        payment.put("mailNext", payment.get("customerEmail") != null);
        payment.put(
                "amountFormatted",
                amountFormatted(payment.get("grossCents") instanceof Number n ? n.longValue() : 0L, (String)
                        payment.get("currency")));
        return true;
    }

    /**
     * {@link #start(Map)} for the route fel-invoice-payment (variable {@code payment}: the claimed row), with what the
     * steps decide on set as plain variables, read without an OGNL look-up into the row (Camel's simple language
     * evaluates {@code ${variable.payment[key]}} through the bean language, on a copy of the exchange):
     * {@code felPaymentId}, {@code felEffectStep} (the step in doubt, or null), {@code push}, {@code felCertifyNow},
     * {@code felMailNext}, {@code amountFormatted}, and {@code invoice} and {@code felPdfUrl} when the payment has
     * its invoice already.
     *
     * @return false when the claim is no longer this node's or the payment is finished: skip it
     */
    @SuppressWarnings("unchecked")
    public boolean startWork(Exchange exchange) {
        Map<String, Object> payment = (Map<String, Object>) exchange.getVariable("payment");
        if (!start(payment)) {
            return false;
        }
        copyRenamed(payment, WORK_VARIABLES, exchange::setVariable);
        if (payment.get("storedInvoice") instanceof Map<?, ?> invoice) {
            exchange.setVariable("invoice", invoice);
            exchange.setVariable("felPdfUrl", invoice.get("pdfUrl"));
        }
        return true;
    }

    /**
     * {@link #issue(Map, boolean)} for the route fel-issue-invoice (variables {@code payment} and {@code push}): sets
     * {@code invoice}, {@code felPdfUrl} and {@code pushStarted} (the PUSH started by the same statement when
     * {@code push}).
     */
    @SuppressWarnings("unchecked")
    public void issueWork(Exchange exchange) {
        boolean push = Boolean.TRUE.equals(exchange.getVariable("push"));
        Map<String, Object> invoice = issue((Map<String, Object>) exchange.getVariable("payment"), push);
        exchange.setVariable("invoice", invoice);
        exchange.setVariable("felPdfUrl", invoice.get("pdfUrl"));
        exchange.setVariable("pushStarted", push);
    }

    /** {@link Money#format} without {@code String.format} (on every payment of a backlog): the same text. */
    static String amountFormatted(long cents, String currency) {
        if (cents == Long.MIN_VALUE) {
            return Money.format(cents, currency);
        }
        long abs = Math.abs(cents);
        String units = Long.toString(abs / 100);
        StringBuilder b = new StringBuilder(units.length() + 12);
        if (cents < 0) {
            b.append('-');
        }
        b.append(currency == null || "GTQ".equalsIgnoreCase(currency) ? "Q" : currency.toUpperCase(Locale.ROOT))
                .append(' ');
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(units.charAt(i));
        }
        long c = abs % 100;
        return b.append('.').append(c < 10 ? "0" : "").append(c).toString();
    }

    /**
     * The CERTIFY step and its record in one call: {@link #certify} then {@link FelOutbox#recordIssued} (which also
     * starts the PUSH when {@code pushNext}).
     *
     * @return the invoice, as {@link #certify} answers it
     */
    public Map<String, Object> issue(Map<String, Object> payment, boolean pushNext) {
        Map<String, Object> invoice = certify(payment);
        outbox.recordIssued((String) payment.get("paymentIntentId"), invoice, pushNext);
        return invoice;
    }

    /**
     * The invoice a claimed payment has already (ISSUED or PUSHED before), as {@link #certify} answers it; every value
     * null when it has none ({@code fel.certifier=off}).
     */
    public Map<String, Object> stored(Map<String, Object> payment) {
        Map<String, Object> r = new LinkedHashMap<>();
        copyRenamed(payment, STORED_INVOICE, r::put);
        return r;
    }

    /** The variables {@link #startWork} sets, each followed by the key of the claimed row it takes. */
    private static final String[] WORK_VARIABLES = {
        "felPaymentId", "paymentIntentId", "felEffectStep", "effectStep", "push", "push",
        "felCertifyNow", "certifyNow", "felMailNext", "mailNext", "amountFormatted", "amountFormatted"
    };

    /** The keys of the invoice {@link #stored} answers, each followed by the key of the claimed row it takes. */
    private static final String[] STORED_INVOICE = {
        "uuid",
        "invoiceUuid",
        "serie",
        "invoiceSerie",
        "numero",
        "invoiceNumero",
        "invoiceNumber",
        "invoiceNumber",
        "pdfUrl",
        "invoiceUrl",
        "verificationUrl",
        "invoiceVerificationUrl"
    };

    /** Copies {@code from}'s values under other names: {@code names} holds pairs (name to write, key to read). */
    private static void copyRenamed(Map<String, Object> from, String[] names, BiConsumer<String, Object> to) {
        for (int i = 0; i < names.length; i += 2) {
            to.accept(names[i], from.get(names[i + 1]));
        }
    }

    /** The sale of a payment: its buyer ({@code tax_id}, {@code tax_name}, e-mail), currency and gross amount. */
    static Sale sale(Map<String, Object> payment, Instant emittedAt) {
        Buyer buyer = Buyer.fromPayment(
                (String) payment.get("taxId"), (String) payment.get("taxName"), (String) payment.get("customerEmail"));
        long gross = ((Number) payment.get("grossCents")).longValue();
        return new Sale(
                buyer,
                (String) payment.get("currency"),
                List.of(SaleItem.service(DESCRIPTION + payment.get("paymentIntentId"), BigDecimal.valueOf(gross, 2))),
                emittedAt);
    }

    /** The emission time kept for the payment, else the one chosen now ({@link EmissionTime#forPayment}). */
    Instant emissionTime(Map<String, Object> payment) {
        Instant kept = instant(payment.get("felEmittedAt"));
        if (kept != null) {
            return kept;
        }
        return EmissionTime.forPayment(instant(payment.get("postedAt")), clock.instant());
    }

    /** @return an {@code IDReceptor} as the ledger keeps it: {@code CF}, the NIT, or {@code CUI:} and the 13 digits */
    public static String receptorOf(BuyerId id) {
        return id.type() == BuyerId.Type.CUI ? "CUI:" + id.value() : id.value();
    }

    /** @return the receptor the ledger keeps ({@link #receptorOf}) as a {@link BuyerId} */
    public static BuyerId receptor(String stored) {
        return stored.startsWith("CUI:")
                ? BuyerId.ofDocument(stored.substring(4), true)
                : BuyerId.ofDocument(stored, false);
    }

    private static Map<String, Object> stored(CertifiedDocument c, String certifiedBy) {
        OriginalDocument o = c.asOriginal();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", o.uuid());
        r.put("serie", o.serie());
        r.put("numero", o.numero());
        r.put("invoiceNumber", o.serie() + "-" + o.numero());
        r.put("pdfUrl", c.pdfUrl());
        r.put("verificationUrl", c.verificationUrl());
        r.put("receptor", receptorOf(o.receptor()));
        r.put("grandTotal", o.grandTotal());
        r.put("ivaTotal", o.ivaTotal());
        r.put("certifiedBy", certifiedBy);
        r.put("origin", c.origin().name());
        return r;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return null;
    }
}
