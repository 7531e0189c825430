/**
 * Internal: the emulated API endpoints, validation, response views and the payment simulator.
 */
package io.github.camelrecurrente.sandbox.api;
