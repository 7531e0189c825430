package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Any event type without a dedicated class ({@code transfer.*}, {@code dispute.*}...): everything is in the additional properties.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public class GenericEvent extends RecurrenteEvent {}
