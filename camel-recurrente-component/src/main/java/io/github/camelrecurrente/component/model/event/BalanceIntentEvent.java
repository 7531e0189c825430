package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code balance_intent.succeeded|paid}: a payment with Recurrente balance.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public class BalanceIntentEvent extends AbstractPaymentEvent {}
