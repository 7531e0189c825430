package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Discount applied to a checkout ({@code amount_in_cents} and the {@link Coupon}).
 */
public class Discount extends RecurrenteObject {

    @JsonProperty("amount_in_cents")
    private Long amountInCents;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("coupon")
    private Coupon coupon;

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

    public Coupon getCoupon() {
        return coupon;
    }

    public void setCoupon(Coupon coupon) {
        this.coupon = coupon;
    }
}
