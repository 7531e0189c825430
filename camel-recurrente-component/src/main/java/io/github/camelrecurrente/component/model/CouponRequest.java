package io.github.camelrecurrente.component.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A coupon to create/update. The producer wraps it as {@code {"coupon": ...}}; this class is the inner object only.
 */
public class CouponRequest extends RecurrenteObject {

    @JsonProperty("name")
    private String name;

    @JsonProperty("display_name")
    private String displayName;

    @JsonProperty("discount_mode")
    private String discountMode;

    @JsonProperty("amount_off_in_cents")
    private Long amountOffInCents;

    @JsonProperty("percent_off")
    private BigDecimal percentOff;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("duration")
    private String duration;

    @JsonProperty("max_redemptions")
    private Integer maxRedemptions;

    @JsonProperty("expires_at")
    private OffsetDateTime expiresAt;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Fluent setter for {@code name}. */
    public CouponRequest name(String name) {
        this.name = name;
        return this;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** Fluent setter for {@code display_name}. */
    public CouponRequest displayName(String displayName) {
        this.displayName = displayName;
        return this;
    }

    public String getDiscountMode() {
        return discountMode;
    }

    public void setDiscountMode(String discountMode) {
        this.discountMode = discountMode;
    }

    /** Fluent setter for {@code discount_mode}. */
    public CouponRequest discountMode(String discountMode) {
        this.discountMode = discountMode;
        return this;
    }

    public Long getAmountOffInCents() {
        return amountOffInCents;
    }

    public void setAmountOffInCents(Long amountOffInCents) {
        this.amountOffInCents = amountOffInCents;
    }

    /** Fluent setter for {@code amount_off_in_cents}. */
    public CouponRequest amountOffInCents(Long amountOffInCents) {
        this.amountOffInCents = amountOffInCents;
        return this;
    }

    public BigDecimal getPercentOff() {
        return percentOff;
    }

    public void setPercentOff(BigDecimal percentOff) {
        this.percentOff = percentOff;
    }

    /** Fluent setter for {@code percent_off}. */
    public CouponRequest percentOff(BigDecimal percentOff) {
        this.percentOff = percentOff;
        return this;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** Fluent setter for {@code currency}. */
    public CouponRequest currency(String currency) {
        this.currency = currency;
        return this;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    /** Fluent setter for {@code duration}. */
    public CouponRequest duration(String duration) {
        this.duration = duration;
        return this;
    }

    public Integer getMaxRedemptions() {
        return maxRedemptions;
    }

    public void setMaxRedemptions(Integer maxRedemptions) {
        this.maxRedemptions = maxRedemptions;
    }

    /** Fluent setter for {@code max_redemptions}. */
    public CouponRequest maxRedemptions(Integer maxRedemptions) {
        this.maxRedemptions = maxRedemptions;
        return this;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** Fluent setter for {@code expires_at}. */
    public CouponRequest expiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    /** A fixed-amount coupon. */
    public static CouponRequest amountOff(String name, long amountOffInCents, String currency) {
        return new CouponRequest().name(name).amountOffInCents(amountOffInCents).currency(currency);
    }

    /** A percentage coupon. */
    public static CouponRequest percentOff(String name, BigDecimal percentOff) {
        return new CouponRequest().name(name).percentOff(percentOff);
    }
}
