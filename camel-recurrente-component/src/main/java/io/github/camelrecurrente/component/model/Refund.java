package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A refund ({@code re_...}; {@code status} {@code pending}, {@code succeeded}, {@code failed}, {@code voided}).
 */
public class Refund extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;
    @JsonProperty("status")
    private String status;
    @JsonProperty("customer")
    private Customer customer;
    @JsonProperty("user_id")
    private String userId;
    @JsonProperty("payment_intent_id")
    private String paymentIntentId;
    @JsonProperty("intent_id")
    private String intentId;
    @JsonProperty("amount_in_cents")
    private Long amountInCents;
    @JsonProperty("account_refunded_amount_in_cents")
    private Long accountRefundedAmountInCents;
    @JsonProperty("customer_refunded_amount_in_cents")
    private Long customerRefundedAmountInCents;
    @JsonProperty("currency")
    private String currency;
    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @Override
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPaymentIntentId() {
        return paymentIntentId;
    }

    public void setPaymentIntentId(String paymentIntentId) {
        this.paymentIntentId = paymentIntentId;
    }

    public String getIntentId() {
        return intentId;
    }

    public void setIntentId(String intentId) {
        this.intentId = intentId;
    }

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
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

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
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
        return "id=" + id + ", " + "status=" + status;
    }

}
