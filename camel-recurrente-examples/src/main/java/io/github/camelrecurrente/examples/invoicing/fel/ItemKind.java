package io.github.camelrecurrente.examples.invoicing.fel;

/** {@code BienOServicio}: a good or a service. */
public enum ItemKind {
    /** Bien: a good. */
    B,
    /** Servicio: a service (subscriptions, most online sales). */
    S
}
