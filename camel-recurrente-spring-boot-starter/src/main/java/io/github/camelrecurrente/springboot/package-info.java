/**
 * Public: Spring Boot auto-configuration of camel-recurrente. {@code RecurrenteComponentConfiguration} binds
 * {@code camel.component.recurrente.*} (every component option), {@code RecurrenteComponentAutoConfiguration} applies
 * it to the {@code recurrente} component, {@code RecurrenteComponentConverter} resolves {@code #bean:} references, and
 * {@code RecurrenteHttpServerAutoConfiguration} starts Camel's Vert.x platform-http server for {@code recurrente:events}
 * ({@code camel.recurrente.server.*}).
 */
package io.github.camelrecurrente.springboot;
