package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A product price ({@code price_...}). Statuses/intervals are plain strings; the API sends
 * {@code "billing_interval": ""} for one-time prices.
 */
public class Price extends RecurrenteObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("amount_in_cents")
    private Long amountInCents;

    @JsonProperty("amount_as_decimal")
    private String amountAsDecimal;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("charge_type")
    private String chargeType;

    @JsonProperty("billing_interval")
    private String billingInterval;

    @JsonProperty("billing_interval_count")
    private Integer billingIntervalCount;

    @JsonProperty("free_trial_interval")
    private String freeTrialInterval;

    @JsonProperty("free_trial_interval_count")
    private Integer freeTrialIntervalCount;

    @JsonProperty("periods_before_automatic_cancellation")
    private Integer periodsBeforeAutomaticCancellation;

    @JsonProperty("periods_before_allowed_to_cancel")
    private Integer periodsBeforeAllowedToCancel;

    @JsonProperty("proration_behavior")
    private String prorationBehavior;

    @JsonProperty("billing_cycle_anchor_day")
    private Integer billingCycleAnchorDay;

    @JsonProperty("defer_to_billing_day")
    private Boolean deferToBillingDay;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
    }

    public String getAmountAsDecimal() {
        return amountAsDecimal;
    }

    public void setAmountAsDecimal(String amountAsDecimal) {
        this.amountAsDecimal = amountAsDecimal;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getChargeType() {
        return chargeType;
    }

    public void setChargeType(String chargeType) {
        this.chargeType = chargeType;
    }

    public String getBillingInterval() {
        return billingInterval;
    }

    public void setBillingInterval(String billingInterval) {
        this.billingInterval = billingInterval;
    }

    public Integer getBillingIntervalCount() {
        return billingIntervalCount;
    }

    public void setBillingIntervalCount(Integer billingIntervalCount) {
        this.billingIntervalCount = billingIntervalCount;
    }

    public String getFreeTrialInterval() {
        return freeTrialInterval;
    }

    public void setFreeTrialInterval(String freeTrialInterval) {
        this.freeTrialInterval = freeTrialInterval;
    }

    public Integer getFreeTrialIntervalCount() {
        return freeTrialIntervalCount;
    }

    public void setFreeTrialIntervalCount(Integer freeTrialIntervalCount) {
        this.freeTrialIntervalCount = freeTrialIntervalCount;
    }

    public Integer getPeriodsBeforeAutomaticCancellation() {
        return periodsBeforeAutomaticCancellation;
    }

    public void setPeriodsBeforeAutomaticCancellation(Integer periodsBeforeAutomaticCancellation) {
        this.periodsBeforeAutomaticCancellation = periodsBeforeAutomaticCancellation;
    }

    public Integer getPeriodsBeforeAllowedToCancel() {
        return periodsBeforeAllowedToCancel;
    }

    public void setPeriodsBeforeAllowedToCancel(Integer periodsBeforeAllowedToCancel) {
        this.periodsBeforeAllowedToCancel = periodsBeforeAllowedToCancel;
    }

    public String getProrationBehavior() {
        return prorationBehavior;
    }

    public void setProrationBehavior(String prorationBehavior) {
        this.prorationBehavior = prorationBehavior;
    }

    public Integer getBillingCycleAnchorDay() {
        return billingCycleAnchorDay;
    }

    public void setBillingCycleAnchorDay(Integer billingCycleAnchorDay) {
        this.billingCycleAnchorDay = billingCycleAnchorDay;
    }

    public Boolean getDeferToBillingDay() {
        return deferToBillingDay;
    }

    public void setDeferToBillingDay(Boolean deferToBillingDay) {
        this.deferToBillingDay = deferToBillingDay;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "amountInCents=" + amountInCents + ", " + "currency=" + currency;
    }
}
