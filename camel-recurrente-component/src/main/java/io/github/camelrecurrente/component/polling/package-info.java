/**
 * Internal: the polling consumer of list operations ({@code from("recurrente:listCheckouts")}), its position and
 * its JDBC state repository. Created by {@link io.github.camelrecurrente.component.RecurrenteEndpoint}; configured
 * through endpoint options only. Not exported from the OSGi bundle.
 */
package io.github.camelrecurrente.component.polling;
