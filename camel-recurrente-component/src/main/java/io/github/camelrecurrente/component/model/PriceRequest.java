package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of {@code product.prices_attributes}: a new price, or an update/deletion of an existing one
 * ({@code id} + {@code _destroy: true}).
 */
public class PriceRequest extends RecurrenteObject {

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

    @JsonProperty("_destroy")
    private Boolean destroy;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Fluent setter for {@code id}. */
    public PriceRequest id(String id) {
        this.id = id;
        return this;
    }

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
    }

    /** Fluent setter for {@code amount_in_cents}. */
    public PriceRequest amountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
        return this;
    }

    public String getAmountAsDecimal() {
        return amountAsDecimal;
    }

    public void setAmountAsDecimal(String amountAsDecimal) {
        this.amountAsDecimal = amountAsDecimal;
    }

    /** Fluent setter for {@code amount_as_decimal}. */
    public PriceRequest amountAsDecimal(String amountAsDecimal) {
        this.amountAsDecimal = amountAsDecimal;
        return this;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** Fluent setter for {@code currency}. */
    public PriceRequest currency(String currency) {
        this.currency = currency;
        return this;
    }

    public String getChargeType() {
        return chargeType;
    }

    public void setChargeType(String chargeType) {
        this.chargeType = chargeType;
    }

    /** Fluent setter for {@code charge_type}. */
    public PriceRequest chargeType(String chargeType) {
        this.chargeType = chargeType;
        return this;
    }

    public String getBillingInterval() {
        return billingInterval;
    }

    public void setBillingInterval(String billingInterval) {
        this.billingInterval = billingInterval;
    }

    /** Fluent setter for {@code billing_interval}. */
    public PriceRequest billingInterval(String billingInterval) {
        this.billingInterval = billingInterval;
        return this;
    }

    public Integer getBillingIntervalCount() {
        return billingIntervalCount;
    }

    public void setBillingIntervalCount(Integer billingIntervalCount) {
        this.billingIntervalCount = billingIntervalCount;
    }

    /** Fluent setter for {@code billing_interval_count}. */
    public PriceRequest billingIntervalCount(Integer billingIntervalCount) {
        this.billingIntervalCount = billingIntervalCount;
        return this;
    }

    public String getFreeTrialInterval() {
        return freeTrialInterval;
    }

    public void setFreeTrialInterval(String freeTrialInterval) {
        this.freeTrialInterval = freeTrialInterval;
    }

    /** Fluent setter for {@code free_trial_interval}. */
    public PriceRequest freeTrialInterval(String freeTrialInterval) {
        this.freeTrialInterval = freeTrialInterval;
        return this;
    }

    public Integer getFreeTrialIntervalCount() {
        return freeTrialIntervalCount;
    }

    public void setFreeTrialIntervalCount(Integer freeTrialIntervalCount) {
        this.freeTrialIntervalCount = freeTrialIntervalCount;
    }

    /** Fluent setter for {@code free_trial_interval_count}. */
    public PriceRequest freeTrialIntervalCount(Integer freeTrialIntervalCount) {
        this.freeTrialIntervalCount = freeTrialIntervalCount;
        return this;
    }

    public Integer getPeriodsBeforeAutomaticCancellation() {
        return periodsBeforeAutomaticCancellation;
    }

    public void setPeriodsBeforeAutomaticCancellation(Integer periodsBeforeAutomaticCancellation) {
        this.periodsBeforeAutomaticCancellation = periodsBeforeAutomaticCancellation;
    }

    /** Fluent setter for {@code periods_before_automatic_cancellation}. */
    public PriceRequest periodsBeforeAutomaticCancellation(Integer periodsBeforeAutomaticCancellation) {
        this.periodsBeforeAutomaticCancellation = periodsBeforeAutomaticCancellation;
        return this;
    }

    public Integer getPeriodsBeforeAllowedToCancel() {
        return periodsBeforeAllowedToCancel;
    }

    public void setPeriodsBeforeAllowedToCancel(Integer periodsBeforeAllowedToCancel) {
        this.periodsBeforeAllowedToCancel = periodsBeforeAllowedToCancel;
    }

    /** Fluent setter for {@code periods_before_allowed_to_cancel}. */
    public PriceRequest periodsBeforeAllowedToCancel(Integer periodsBeforeAllowedToCancel) {
        this.periodsBeforeAllowedToCancel = periodsBeforeAllowedToCancel;
        return this;
    }

    public String getProrationBehavior() {
        return prorationBehavior;
    }

    public void setProrationBehavior(String prorationBehavior) {
        this.prorationBehavior = prorationBehavior;
    }

    /** Fluent setter for {@code proration_behavior}. */
    public PriceRequest prorationBehavior(String prorationBehavior) {
        this.prorationBehavior = prorationBehavior;
        return this;
    }

    public Integer getBillingCycleAnchorDay() {
        return billingCycleAnchorDay;
    }

    public void setBillingCycleAnchorDay(Integer billingCycleAnchorDay) {
        this.billingCycleAnchorDay = billingCycleAnchorDay;
    }

    /** Fluent setter for {@code billing_cycle_anchor_day}. */
    public PriceRequest billingCycleAnchorDay(Integer billingCycleAnchorDay) {
        this.billingCycleAnchorDay = billingCycleAnchorDay;
        return this;
    }

    public Boolean getDeferToBillingDay() {
        return deferToBillingDay;
    }

    public void setDeferToBillingDay(Boolean deferToBillingDay) {
        this.deferToBillingDay = deferToBillingDay;
    }

    /** Fluent setter for {@code defer_to_billing_day}. */
    public PriceRequest deferToBillingDay(Boolean deferToBillingDay) {
        this.deferToBillingDay = deferToBillingDay;
        return this;
    }

    public Boolean getDestroy() {
        return destroy;
    }

    public void setDestroy(Boolean destroy) {
        this.destroy = destroy;
    }

    /** Fluent setter for {@code _destroy}. */
    public PriceRequest destroy(Boolean destroy) {
        this.destroy = destroy;
        return this;
    }

    /** A new one-time price. */
    public static PriceRequest oneTime(long amountInCents, String currency) {
        return new PriceRequest()
                .chargeType("one_time")
                .amountInCents(amountInCents)
                .currency(currency);
    }

    /** A new recurring price, charged every {@code count} {@code interval}s ({@code week}, {@code month}, {@code year}). */
    public static PriceRequest recurring(long amountInCents, String currency, String interval, int count) {
        return new PriceRequest()
                .chargeType("recurring")
                .amountInCents(amountInCents)
                .currency(currency)
                .billingInterval(interval)
                .billingIntervalCount(count);
    }

    /** An update of the existing price {@code priceId} (set the fields to change). */
    public static PriceRequest update(String priceId) {
        return new PriceRequest().id(priceId);
    }

    /** Deletion of the existing price {@code priceId} ({@code _destroy: true}). */
    public static PriceRequest delete(String priceId) {
        return new PriceRequest().id(priceId).destroy(Boolean.TRUE);
    }
}
