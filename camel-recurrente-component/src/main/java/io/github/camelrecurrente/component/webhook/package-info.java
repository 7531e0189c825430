/**
 * Internal: the webhook consumer ({@code recurrente:events}, standalone or as {@code webhook:recurrente:events}):
 * Svix signature verification, de-duplication, event parsing, refetch and webhook registration at Recurrente.
 * Created by {@link io.github.camelrecurrente.component.RecurrenteEndpoint}; configured through endpoint options only.
 * Not exported from the OSGi bundle.
 */
package io.github.camelrecurrente.component.webhook;
