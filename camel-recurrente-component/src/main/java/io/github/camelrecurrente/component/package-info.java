/**
 * Public: the {@code recurrente:} Camel component (component, endpoint, configuration, header constants, the
 * operation names of {@link io.github.camelrecurrente.component.RecurrenteOperation}) and the exceptions routes
 * catch ({@link io.github.camelrecurrente.component.RecurrenteApiException},
 * {@link io.github.camelrecurrente.component.RecurrenteValidationException}, both
 * {@code RuntimeCamelException}s). Package-private classes here (producer body reading, request validation) are
 * internal. See docs/architecture.md for what each package may import.
 */
package io.github.camelrecurrente.component;
