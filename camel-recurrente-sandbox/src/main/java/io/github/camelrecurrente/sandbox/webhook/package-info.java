/**
 * Internal: Svix-style signing and asynchronous webhook delivery.
 */
package io.github.camelrecurrente.sandbox.webhook;
