/**
 * Internal: per-account in-memory storage, ids and timestamps.
 */
package io.github.camelrecurrente.sandbox.store;
