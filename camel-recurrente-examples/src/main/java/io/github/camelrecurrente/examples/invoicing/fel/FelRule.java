package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * The SAT rules this package enforces before anything is sent, each with SAT's code (catalogoMensajes 0.3.0), its
 * source and what the operator can do when a document is refused by it. The one place for these texts: the dead
 * letters, the logs and {@code docs/fel.md} use them.
 */
public enum FelRule {
    /** A document to {@code CF} of Q2,500.00 or more. */
    CF_LIMIT(
            "FEL_RCP535",
            "SAT Reglas y Validaciones FEL §2.2.4",
            "supply the buyer's NIT or CUI (the payment's tax_id) and replay the payment from the status page"),
    /** The buyer's NIT is malformed or its check digit is wrong: SAT cannot find it in the RTU. */
    RECEPTOR_NIT(
            "FEL_RCP309",
            "SAT Reglas y Validaciones FEL §2.2.4 (NIT check digit)",
            "correct the buyer's NIT (the payment's tax_id), or clear it to invoice CF below Q2,500.00, and replay"),
    /** An item's discount is greater than its price. */
    DISCOUNT_ABOVE_PRICE(
            "FEL_RCP314",
            "SAT Reglas y Validaciones FEL §2.7",
            "correct the item's discount in the source of the sale and replay"),
    /** A credit note (alone or with the earlier ones) exceeds the original invoice's GranTotal. */
    CREDIT_ABOVE_ORIGINAL(
            "FEL_RCP350",
            "SAT Reglas y Validaciones FEL §3.7",
            "check the refunds of this payment: they exceed the invoiced amount; credit the rest by hand"),
    /** A credit note's IVA exceeds the original invoice's IVA. */
    CREDIT_IVA_ABOVE_ORIGINAL(
            "FEL_RCP333",
            "SAT Reglas y Validaciones FEL §3.7",
            "check the refunds of this payment: their IVA exceeds the invoiced IVA; credit the rest by hand"),
    /** A credit note to another receptor than the original invoice's. */
    CREDIT_RECEPTOR(
            "FEL_RCP355",
            "SAT Reglas y Validaciones FEL §3.7",
            "a credit note names the original invoice's buyer: keep the invoice's NIT/CF for the refund and replay"),
    /** A credit note in another currency than the original invoice's. */
    CREDIT_CURRENCY(
            "FEL_RCP383",
            "SAT Reglas y Validaciones FEL §3.7",
            "a credit note is in the original invoice's currency: check the refund's currency and replay"),
    /** An anulación after the due date of the IVA return of the document's month. */
    ANULACION_PERIOD(
            "FEL_ANU375",
            "SAT Reglas y Validaciones FEL §3.16",
            "the period is closed: issue a credit note (NCRE) for the refund instead of cancelling the invoice"),
    /** An anulación dated before the document it cancels. */
    ANULACION_BEFORE_EMISSION(
            "FEL_ANU376",
            "SAT Reglas y Validaciones FEL §3.16",
            "check the machine's clock and the invoice's emission time, then replay");

    private final String code;
    private final String source;
    private final String operatorAction;

    FelRule(String code, String source, String operatorAction) {
        this.code = code;
        this.source = source;
        this.operatorAction = operatorAction;
    }

    /** @return SAT's code, e.g. {@code FEL_RCP535} */
    public String code() {
        return code;
    }

    /** @return where the rule is written */
    public String source() {
        return source;
    }

    /** @return what the operator can do about a document refused by this rule */
    public String operatorAction() {
        return operatorAction;
    }
}
