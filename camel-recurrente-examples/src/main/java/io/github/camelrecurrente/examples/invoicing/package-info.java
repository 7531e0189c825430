/**
 * FEL invoicing: the outbox of payments to certify, push back as {@code tax_invoice_url} and mail
 * ({@code FelOutbox}: claims, leases and the effect journal that resolves a step left in doubt by a dead node), a
 * payment's FACT certified through INFILE ({@code PaymentInvoices}, on the Camel-free {@code invoicing.fel}: SAT's
 * documents, rules and the INFILE client, docs/fel.md), how this run invoices ({@code InvoicingMode}) and the
 * operator's replay ({@code FelReplay}). The routes are {@code routes/invoicing/fel-invoicing.yaml}; the receipt
 * e-mail is {@code routes/email/}.
 * <p>
 * May import: {@code ledger}, {@code inbox} (the {@code IntakeRate} of a burst). Never {@code standins},
 * {@code operator}, {@code app} or {@code demo}.
 */
package io.github.camelrecurrente.examples.invoicing;
