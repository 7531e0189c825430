/**
 * Public (Camel-free: Jackson and the model package only).
 * <p>
 * Recurrente webhook events: {@link io.github.camelrecurrente.component.model.event.RecurrenteEvents#parse(byte[])}
 * returns the typed subclass of {@link io.github.camelrecurrente.component.model.event.RecurrenteEvent} chosen by the
 * event type prefix ({@code payment_intent.}, {@code bank_transfer_intent.}, {@code balance_intent.},
 * {@code subscription.}, {@code setup_intent.}, {@code refund.}, {@code intent.}; anything else is a
 * {@link io.github.camelrecurrente.component.model.event.GenericEvent}); bad bodies raise
 * {@link io.github.camelrecurrente.component.model.event.RecurrenteEventParseException}. Event type names are in
 * {@link io.github.camelrecurrente.component.model.event.RecurrenteEventTypes}.
 */
package io.github.camelrecurrente.component.model.event;
