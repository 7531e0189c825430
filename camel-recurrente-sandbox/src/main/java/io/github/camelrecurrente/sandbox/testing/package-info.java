/**
 * Public: helpers for tests of webhook consumers. {@link io.github.camelrecurrente.sandbox.testing.SvixSigner} signs a
 * body exactly as the sandbox (and Svix) sign deliveries, so a test or a benchmark can post signed webhooks to its
 * own consumer without a sandbox delivery. Depends on nothing but the JDK and the sandbox's id generator.
 */
package io.github.camelrecurrente.sandbox.testing;
