package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.Payment;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.ResourceRef;

/**
 * {@code refund.create}: a refund was created; {@code refund.id} is the {@code re_...} to look up with {@code GET /refunds/{id}}.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public class RefundEvent extends RecurrenteEvent {

    @JsonProperty("status")
    private String status;
    @JsonProperty("refund")
    private Refund refund;
    @JsonProperty("payment_intent_id")
    private String paymentIntentId;
    @JsonProperty("intent_id")
    private String intentId;
    @JsonProperty("amount_in_cents")
    private Long amountInCents;
    @JsonProperty("currency")
    private String currency;
    @JsonProperty("checkout")
    private Checkout checkout;
    @JsonProperty("customer")
    private Customer customer;
    @JsonProperty("payment")
    private Payment payment;

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Refund getRefund() {
        return refund;
    }

    public void setRefund(Refund refund) {
        this.refund = refund;
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

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Checkout getCheckout() {
        return checkout;
    }

    public void setCheckout(Checkout checkout) {
        this.checkout = checkout;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public Payment getPayment() {
        return payment;
    }

    public void setPayment(Payment payment) {
        this.payment = payment;
    }

    /** The refund id ({@code refund.id}), else {@code null}. */
    public String getRefundId() {
        return refund != null ? refund.getId() : null;
    }

    /** {@link #getId()}, else the refund id. */
    @Override
    public String getResourceId() {
        return getId() != null ? getId() : getRefundId();
    }

    /** The refund. */
    @Override
    public ResourceRef subject() {
        return ResourceRef.of(ResourceRef.Kind.REFUND, getRefundId());
    }
}
