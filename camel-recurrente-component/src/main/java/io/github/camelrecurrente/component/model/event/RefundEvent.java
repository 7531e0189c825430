package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Payment;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.RefundFields;
import io.github.camelrecurrente.component.model.ResourceRef;

/**
 * {@code refund.create}: a refund was created; {@code refund.id} is the {@code re_...} to look up with {@code GET /refunds/{id}}.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonPropertyOrder({
    "id",
    "event_type",
    "type",
    "api_version",
    "created_at",
    "connected",
    "account_id",
    "live_mode",
    "status",
    "refund",
    "payment_intent_id",
    "intent_id",
    "amount_in_cents",
    "currency",
    "checkout",
    "customer",
    "payment"
})
public class RefundEvent extends RecurrenteEvent implements RefundFields {

    private final RefundFields.Values refundFieldsValues = new RefundFields.Values();

    @Override
    public RefundFields.Values refundFields() {
        return refundFieldsValues;
    }

    @JsonProperty("refund")
    private Refund refund;

    @JsonProperty("checkout")
    private Checkout checkout;

    @JsonProperty("payment")
    private Payment payment;

    public Refund getRefund() {
        return refund;
    }

    public void setRefund(Refund refund) {
        this.refund = refund;
    }

    public Checkout getCheckout() {
        return checkout;
    }

    public void setCheckout(Checkout checkout) {
        this.checkout = checkout;
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
