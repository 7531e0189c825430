/**
 * Everything that only exists so that the example runs without a contract: the sandbox environment (the local
 * Recurrente emulator with the app's webhook registered), the stand-in FEL certifier and the stand-in SMTP server.
 * Replace them by configuration ({@code recurrente.secret-key}, {@code fel.certifier.url}, {@code mail.smtp.uri}).
 * <p>
 * Imports no other package of the bundle. Imported only by {@code app} and {@code demo}: never by {@code ledger},
 * {@code inbox}, {@code invoicing}, {@code refunds}, {@code reconciliation} or {@code operator}.
 */
package io.github.camelrecurrente.examples.standins;
