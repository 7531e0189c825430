package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields a refund and a {@code refund.*} event share: status, payment intent or intent id, amount, currency and
 * customer. Bound by Jackson through these accessors; each implementing class holds its values in a {@link Values}
 * returned by {@link #refundFields()}.
 */
public interface RefundFields {

    /** The values behind the accessors: one per object; use the accessors, not this. */
    final class Values {
        String status;
        String paymentIntentId;
        String intentId;
        Long amountInCents;
        String currency;
        Customer customer;
    }

    /** The values of this object's shared fields (internal: use the accessors). */
    Values refundFields();

    @JsonProperty("status")
    default String getStatus() {
        return refundFields().status;
    }

    @JsonProperty("status")
    default void setStatus(String status) {
        refundFields().status = status;
    }

    @JsonProperty("payment_intent_id")
    default String getPaymentIntentId() {
        return refundFields().paymentIntentId;
    }

    @JsonProperty("payment_intent_id")
    default void setPaymentIntentId(String paymentIntentId) {
        refundFields().paymentIntentId = paymentIntentId;
    }

    @JsonProperty("intent_id")
    default String getIntentId() {
        return refundFields().intentId;
    }

    @JsonProperty("intent_id")
    default void setIntentId(String intentId) {
        refundFields().intentId = intentId;
    }

    @JsonProperty("amount_in_cents")
    default Long getAmountInCents() {
        return refundFields().amountInCents;
    }

    @JsonProperty("amount_in_cents")
    default void setAmountInCents(Long amountInCents) {
        refundFields().amountInCents = amountInCents;
    }

    @JsonProperty("currency")
    default String getCurrency() {
        return refundFields().currency;
    }

    @JsonProperty("currency")
    default void setCurrency(String currency) {
        refundFields().currency = currency;
    }

    @JsonProperty("customer")
    default Customer getCustomer() {
        return refundFields().customer;
    }

    @JsonProperty("customer")
    default void setCustomer(Customer customer) {
        refundFields().customer = customer;
    }
}
