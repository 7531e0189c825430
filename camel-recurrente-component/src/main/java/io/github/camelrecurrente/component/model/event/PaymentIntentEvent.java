package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code payment_intent.succeeded} / {@code payment_intent.failed}: a card payment intent ({@code id} = {@code pa_...}).
 * {@code failure_reason} explains failures (a failed intent does not close the checkout: the buyer can retry).
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public class PaymentIntentEvent extends AbstractPaymentEvent {}
