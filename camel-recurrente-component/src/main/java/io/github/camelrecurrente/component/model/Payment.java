package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A payment ({@code pa_...}) and what it pays for ({@link Paymentable}).
 */
public class Payment extends RecurrenteObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("paymentable")
    private Paymentable paymentable;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Paymentable getPaymentable() {
        return paymentable;
    }

    public void setPaymentable(Paymentable paymentable) {
        this.paymentable = paymentable;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id;
    }
}
