package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /refunds}: {@code payment_intent_id} ({@code pa_...}) or {@code intent_id} ({@code in_...}), optional partial {@code amount_in_cents}.
 */
public class RefundRequest extends RecurrenteObject {

    @JsonProperty("payment_intent_id")
    private String paymentIntentId;

    @JsonProperty("intent_id")
    private String intentId;

    @JsonProperty("amount_in_cents")
    private Long amountInCents;

    public String getPaymentIntentId() {
        return paymentIntentId;
    }

    public void setPaymentIntentId(String paymentIntentId) {
        this.paymentIntentId = paymentIntentId;
    }

    /** Fluent setter for {@code payment_intent_id}. */
    public RefundRequest paymentIntentId(String paymentIntentId) {
        this.paymentIntentId = paymentIntentId;
        return this;
    }

    public String getIntentId() {
        return intentId;
    }

    public void setIntentId(String intentId) {
        this.intentId = intentId;
    }

    /** Fluent setter for {@code intent_id}. */
    public RefundRequest intentId(String intentId) {
        this.intentId = intentId;
        return this;
    }

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
    }

    /** Fluent setter for {@code amount_in_cents}. */
    public RefundRequest amountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
        return this;
    }

    /** Full refund of a payment intent ({@code pa_...}). */
    public static RefundRequest forPaymentIntent(String paymentIntentId) {
        return new RefundRequest().paymentIntentId(paymentIntentId);
    }

    /** Refund of a unified intent ({@code in_...}). */
    public static RefundRequest forIntent(String intentId) {
        return new RefundRequest().intentId(intentId);
    }
}
