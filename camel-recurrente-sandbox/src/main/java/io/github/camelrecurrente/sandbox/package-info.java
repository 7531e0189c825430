/**
 * A loopback emulator of the Recurrente payments API for tests, demos and benchmarks.
 * Start with {@link io.github.camelrecurrente.sandbox.RecurrenteSandbox#builder()}, the JUnit 5
 * {@link io.github.camelrecurrente.sandbox.RecurrenteSandboxExtension}, or the runnable
 * {@link io.github.camelrecurrente.sandbox.SandboxMain}. Public: this package and
 * {@link io.github.camelrecurrente.sandbox.testing} (test helpers); the other sub-packages are internal.
 */
package io.github.camelrecurrente.sandbox;
