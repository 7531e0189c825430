/**
 * Everything that only exists so that the example runs without a contract: the sandbox environment (the local
 * Recurrente emulator with the app's webhook registered), the INFILE stand-in ({@code standins.infile}) and the
 * stand-in SMTP server. Replace them by configuration ({@code recurrente.secret-key}, {@code fel.certifier=infile}
 * with {@code fel.infile.*}, {@code mail.smtp.uri}); with keys they run only when asked for
 * ({@code fel.certifier=stand-in} with {@code fel.allow-stand-in-with-real-keys=true}, {@code mail.smtp=stand-in}).
 * <p>
 * Imports no other package of the bundle. Imported only by {@code app} and {@code demo}: never by {@code ledger},
 * {@code inbox}, {@code invoicing}, {@code refunds}, {@code reconciliation} or {@code operator}.
 */
package io.github.camelrecurrente.examples.standins;
