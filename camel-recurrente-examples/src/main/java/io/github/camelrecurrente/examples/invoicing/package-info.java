/**
 * FEL invoicing: the outbox of payments to certify, push back as {@code tax_invoice_url} and mail
 * ({@code FelOutbox}: claims, leases and the effect journal that resolves a step left in doubt by a dead node). The
 * certifier client itself is YAML ({@code routes/invoicing/fel-invoicing.yaml}); the request mapping is
 * {@code LedgerPostings.felRequest}. The receipt e-mail is {@code routes/email/}.
 * <p>
 * May import: {@code ledger}, {@code inbox} (the {@code IntakeRate} of a burst). Never {@code standins},
 * {@code operator}, {@code app} or {@code demo}.
 */
package io.github.camelrecurrente.examples.invoicing;
