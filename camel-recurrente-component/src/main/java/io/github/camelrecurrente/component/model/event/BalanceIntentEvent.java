package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code balance_intent.succeeded|paid}: a payment with Recurrente balance.
 */
public class BalanceIntentEvent extends AbstractPaymentEvent {
}
