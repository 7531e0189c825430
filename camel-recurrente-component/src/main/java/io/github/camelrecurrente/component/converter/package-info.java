/**
 * Camel type converters between the Recurrente models and JSON ({@code String}, {@code byte[]}, {@code InputStream},
 * {@code Map}); loaded through the generated {@code RecurrenteTypeConvertersLoader}.
 */
package io.github.camelrecurrente.component.converter;
