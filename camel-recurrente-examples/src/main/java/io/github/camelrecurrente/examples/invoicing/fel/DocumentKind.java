package io.github.camelrecurrente.examples.invoicing.fel;

/** The documents this package makes. */
public enum DocumentKind {
    /** Factura: a payment. */
    FACT("FACT"),
    /** Nota de crédito: a refund of an invoiced payment, referencing the invoice ({@code ReferenciasNota}). */
    NCRE("NCRE"),
    /** Anulación ({@code GTAnulacionDocumento}): an operator cancels a certified document. */
    ANULACION("ANUL");

    private final String key;

    DocumentKind(String key) {
        this.key = key;
    }

    /** @return the prefix of this kind's identificadores */
    public String key() {
        return key;
    }
}
