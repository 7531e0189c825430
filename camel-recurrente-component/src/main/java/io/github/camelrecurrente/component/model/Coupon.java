package io.github.camelrecurrente.component.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A discount coupon ({@code coup_...}). {@code DELETE} answers {@code {"id", "status": "deleted"}}.
 */
public class Coupon extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;

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

    @JsonProperty("max_redemptions")
    private Integer maxRedemptions;

    @JsonProperty("times_redeemed")
    private Integer timesRedeemed;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("duration")
    private String duration;

    @JsonProperty("expires_at")
    private OffsetDateTime expiresAt;

    @JsonProperty("status")
    private String status;

    @JsonProperty("automatically_applies")
    private Boolean automaticallyApplies;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDiscountMode() {
        return discountMode;
    }

    public void setDiscountMode(String discountMode) {
        this.discountMode = discountMode;
    }

    public Long getAmountOffInCents() {
        return amountOffInCents;
    }

    public void setAmountOffInCents(Long amountOffInCents) {
        this.amountOffInCents = amountOffInCents;
    }

    public BigDecimal getPercentOff() {
        return percentOff;
    }

    public void setPercentOff(BigDecimal percentOff) {
        this.percentOff = percentOff;
    }

    public Integer getMaxRedemptions() {
        return maxRedemptions;
    }

    public void setMaxRedemptions(Integer maxRedemptions) {
        this.maxRedemptions = maxRedemptions;
    }

    public Integer getTimesRedeemed() {
        return timesRedeemed;
    }

    public void setTimesRedeemed(Integer timesRedeemed) {
        this.timesRedeemed = timesRedeemed;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
    }

    @Override
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Boolean getAutomaticallyApplies() {
        return automaticallyApplies;
    }

    public void setAutomaticallyApplies(Boolean automaticallyApplies) {
        this.automaticallyApplies = automaticallyApplies;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "status=" + status + ", " + "name=" + name;
    }

    /** The coupon model declares no {@code created_at}: the API's value, if it sends one, as a time. */
    @Override
    public OffsetDateTime getCreatedAt() {
        return getAdditionalTime("created_at");
    }

    /** The API's {@code updated_at}, if it sends one, as a time. */
    @Override
    public OffsetDateTime getUpdatedAt() {
        return getAdditionalTime("updated_at");
    }
}
