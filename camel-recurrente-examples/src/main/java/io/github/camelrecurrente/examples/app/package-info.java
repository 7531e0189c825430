/**
 * The application: the Camel Main set-up ({@link io.github.camelrecurrente.examples.app.ExamplesApplication}), the
 * beans the YAML routes refer to ({@link io.github.camelrecurrente.examples.app.ExamplesConfiguration}), the settings read
 * before Camel starts ({@code Settings}) and the stack that decides sandbox or real-API mode and starts the stand-ins it
 * needs ({@link io.github.camelrecurrente.examples.app.ExamplesStack}).
 * <p>
 * Owns: wiring only; no business rule lives here. May import: every concern package ({@code ledger}, {@code review}, {@code inbox},
 * {@code invoicing}, {@code refunds}, {@code reconciliation}, {@code operator}) and {@code standins}. Imported by:
 * {@code demo} and the entry point only.
 */
package io.github.camelrecurrente.examples.app;
