/**
 * Internal: the Camel-free HTTP client of the Recurrente API. One request path
 * ({@link io.github.camelrecurrente.component.client.RecurrenteApi}) from an operation spec
 * ({@link io.github.camelrecurrente.component.client.ApiOperation}) to a typed answer; its own exceptions
 * ({@link io.github.camelrecurrente.component.client.RecurrenteClientException} and subclasses). Imports only the JDK,
 * Jackson, HttpClient 5, SLF4J and the {@code model} and {@code paging} packages; never {@code org.apache.camel} nor
 * the component's root package (a test checks it). Not exported from the OSGi bundle; may change without notice.
 */
package io.github.camelrecurrente.component.client;
