package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PUT /subscriptions/{id}}: switch the card ({@code payment_method_id} from a {@code mode: setup} checkout).
 */
public class SubscriptionUpdateRequest extends RecurrenteObject {

    @JsonProperty("payment_method_id")
    private String paymentMethodId;

    public String getPaymentMethodId() {
        return paymentMethodId;
    }

    public void setPaymentMethodId(String paymentMethodId) {
        this.paymentMethodId = paymentMethodId;
    }

    /** Fluent setter for {@code payment_method_id}. */
    public SubscriptionUpdateRequest paymentMethodId(String paymentMethodId) {
        this.paymentMethodId = paymentMethodId;
        return this;
    }

    /** An update switching to {@code paymentMethodId}. */
    public static SubscriptionUpdateRequest paymentMethod(String paymentMethodId) {
        return new SubscriptionUpdateRequest().paymentMethodId(paymentMethodId);
    }
}
