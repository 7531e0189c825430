/**
 * The operator console on its own port: bearer tokens ({@code OperatorTokens}), browser sessions and CSRF, the
 * guard in front of every operator route ({@code OperatorGuard}), the audit table ({@code OperatorAudit}), the JSON
 * answers ({@code OperatorResponses}), the login form and the status page, and the platform-http engine that serves
 * them ({@code OperatorHttpEngine}). Routes: {@code routes/operator/}.
 * <p>
 * May import: the concern packages it acts on ({@code ledger}, {@code review}, {@code inbox}, {@code invoicing},
 * {@code refunds}, {@code reconciliation}). Never {@code standins}, {@code app} or {@code demo}; no concern package imports it.
 */
package io.github.camelrecurrente.examples.operator;
