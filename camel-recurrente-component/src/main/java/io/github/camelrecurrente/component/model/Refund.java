package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A refund ({@code re_...}; {@code status} {@code pending}, {@code succeeded}, {@code failed}, {@code voided}).
 */
@JsonPropertyOrder({
    "id",
    "status",
    "customer",
    "user_id",
    "payment_intent_id",
    "intent_id",
    "amount_in_cents",
    "account_refunded_amount_in_cents",
    "customer_refunded_amount_in_cents",
    "currency",
    "created_at"
})
public class Refund extends RecurrenteObject implements RecurrenteResource, RefundFields {

    private final RefundFields.Values refundFieldsValues = new RefundFields.Values();

    @Override
    public RefundFields.Values refundFields() {
        return refundFieldsValues;
    }

    @Override
    public String getStatus() {
        return RefundFields.super.getStatus();
    }

    @JsonProperty("id")
    private String id;

    @JsonProperty("user_id")
    private String userId;

    @JsonProperty("account_refunded_amount_in_cents")
    private Long accountRefundedAmountInCents;

    @JsonProperty("customer_refunded_amount_in_cents")
    private Long customerRefundedAmountInCents;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Long getAccountRefundedAmountInCents() {
        return accountRefundedAmountInCents;
    }

    public void setAccountRefundedAmountInCents(Long accountRefundedAmountInCents) {
        this.accountRefundedAmountInCents = accountRefundedAmountInCents;
    }

    public Long getCustomerRefundedAmountInCents() {
        return customerRefundedAmountInCents;
    }

    public void setCustomerRefundedAmountInCents(Long customerRefundedAmountInCents) {
        this.customerRefundedAmountInCents = customerRefundedAmountInCents;
    }

    @Override
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "status=" + getStatus();
    }
}
