/**
 * FEL, Guatemala's electronic invoice: SAT documents (FACT, NCRE with {@code ReferenciasNota},
 * {@code GTAnulacionDocumento}) built from a {@link io.github.camelrecurrente.examples.invoicing.fel.Sale}, and their
 * certification through a {@link io.github.camelrecurrente.examples.invoicing.fel.Certifier} (INFILE:
 * {@link io.github.camelrecurrente.examples.invoicing.fel.InfileCertifier}).
 * <p>
 * Camel-free on purpose: JDK, Jackson and SLF4J only (no Camel, no JDBC; {@code FelPackageIsCamelFreeTest} checks
 * it), so it can be used and tested on its own. The entry point is
 * {@link io.github.camelrecurrente.examples.invoicing.fel.FelInvoicing}; the facts and the choices are in
 * {@code docs/fel.md}.
 */
package io.github.camelrecurrente.examples.invoicing.fel;
