package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Any event type without a dedicated class ({@code transfer.*}, {@code dispute.*}...): everything is in the additional properties.
 */
public class GenericEvent extends RecurrenteEvent {
}
