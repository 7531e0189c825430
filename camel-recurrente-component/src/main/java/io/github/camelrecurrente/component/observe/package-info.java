/**
 * Internal: what the component tells an operator. Meters (Micrometer, only when a {@code MeterRegistry} is bound in
 * the Camel registry; Micrometer is an optional dependency and only {@link MicrometerMeters} imports it), health
 * checks, rate-limited rejection logs and the {@code recurrente} dev console, fed by one {@link EndpointObserver}
 * per endpoint. Not an API: names may change between versions; the meters, checks and console output are documented
 * in docs/operations.md.
 */
package io.github.camelrecurrente.component.observe;
