package io.github.camelrecurrente.component.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An item of a checkout / one-time payment request: either {@code price_id}, {@code product_id}, or an inline
 * item ({@code name}, {@code currency}, {@code amount_in_cents}, {@code quantity} 1..9, ...). Recurring inline items add
 * {@code charge_type: "recurring"}, {@code billing_interval}, {@code billing_interval_count}, trial, etc.
 */
public class CheckoutItem extends RecurrenteObject {

    @JsonProperty("price_id")
    private String priceId;

    @JsonProperty("product_id")
    private String productId;

    @JsonProperty("name")
    private String name;

    @JsonProperty("description")
    private String description;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("amount_in_cents")
    private Long amountInCents;

    @JsonProperty("quantity")
    private Integer quantity;

    @JsonProperty("image_url")
    private String imageUrl;

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

    @JsonProperty("has_dynamic_pricing")
    private Boolean hasDynamicPricing;

    @JsonProperty("custom_terms_and_conditions")
    private String customTermsAndConditions;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    @JsonProperty("billing_cycle_anchor_day")
    private Integer billingCycleAnchorDay;

    @JsonProperty("proration_behavior")
    private String prorationBehavior;

    @JsonProperty("defer_to_billing_day")
    private Boolean deferToBillingDay;

    @JsonProperty("payment_method_types")
    private List<String> paymentMethodTypes;

    @JsonProperty("available_installments")
    private List<Integer> availableInstallments;

    public String getPriceId() {
        return priceId;
    }

    public void setPriceId(String priceId) {
        this.priceId = priceId;
    }

    /** Fluent setter for {@code price_id}. */
    public CheckoutItem priceId(String priceId) {
        this.priceId = priceId;
        return this;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    /** Fluent setter for {@code product_id}. */
    public CheckoutItem productId(String productId) {
        this.productId = productId;
        return this;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Fluent setter for {@code name}. */
    public CheckoutItem name(String name) {
        this.name = name;
        return this;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Fluent setter for {@code description}. */
    public CheckoutItem description(String description) {
        this.description = description;
        return this;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** Fluent setter for {@code currency}. */
    public CheckoutItem currency(String currency) {
        this.currency = currency;
        return this;
    }

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
    }

    /** Fluent setter for {@code amount_in_cents}. */
    public CheckoutItem amountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
        return this;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    /** Fluent setter for {@code quantity}. */
    public CheckoutItem quantity(Integer quantity) {
        this.quantity = quantity;
        return this;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    /** Fluent setter for {@code image_url}. */
    public CheckoutItem imageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
        return this;
    }

    public String getChargeType() {
        return chargeType;
    }

    public void setChargeType(String chargeType) {
        this.chargeType = chargeType;
    }

    /** Fluent setter for {@code charge_type}. */
    public CheckoutItem chargeType(String chargeType) {
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
    public CheckoutItem billingInterval(String billingInterval) {
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
    public CheckoutItem billingIntervalCount(Integer billingIntervalCount) {
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
    public CheckoutItem freeTrialInterval(String freeTrialInterval) {
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
    public CheckoutItem freeTrialIntervalCount(Integer freeTrialIntervalCount) {
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
    public CheckoutItem periodsBeforeAutomaticCancellation(Integer periodsBeforeAutomaticCancellation) {
        this.periodsBeforeAutomaticCancellation = periodsBeforeAutomaticCancellation;
        return this;
    }

    public Boolean getHasDynamicPricing() {
        return hasDynamicPricing;
    }

    public void setHasDynamicPricing(Boolean hasDynamicPricing) {
        this.hasDynamicPricing = hasDynamicPricing;
    }

    /** Fluent setter for {@code has_dynamic_pricing}. */
    public CheckoutItem hasDynamicPricing(Boolean hasDynamicPricing) {
        this.hasDynamicPricing = hasDynamicPricing;
        return this;
    }

    public String getCustomTermsAndConditions() {
        return customTermsAndConditions;
    }

    public void setCustomTermsAndConditions(String customTermsAndConditions) {
        this.customTermsAndConditions = customTermsAndConditions;
    }

    /** Fluent setter for {@code custom_terms_and_conditions}. */
    public CheckoutItem customTermsAndConditions(String customTermsAndConditions) {
        this.customTermsAndConditions = customTermsAndConditions;
        return this;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /** Fluent setter for {@code metadata}. */
    public CheckoutItem metadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    public Integer getBillingCycleAnchorDay() {
        return billingCycleAnchorDay;
    }

    public void setBillingCycleAnchorDay(Integer billingCycleAnchorDay) {
        this.billingCycleAnchorDay = billingCycleAnchorDay;
    }

    /** Fluent setter for {@code billing_cycle_anchor_day}. */
    public CheckoutItem billingCycleAnchorDay(Integer billingCycleAnchorDay) {
        this.billingCycleAnchorDay = billingCycleAnchorDay;
        return this;
    }

    public String getProrationBehavior() {
        return prorationBehavior;
    }

    public void setProrationBehavior(String prorationBehavior) {
        this.prorationBehavior = prorationBehavior;
    }

    /** Fluent setter for {@code proration_behavior}. */
    public CheckoutItem prorationBehavior(String prorationBehavior) {
        this.prorationBehavior = prorationBehavior;
        return this;
    }

    public Boolean getDeferToBillingDay() {
        return deferToBillingDay;
    }

    public void setDeferToBillingDay(Boolean deferToBillingDay) {
        this.deferToBillingDay = deferToBillingDay;
    }

    /** Fluent setter for {@code defer_to_billing_day}. */
    public CheckoutItem deferToBillingDay(Boolean deferToBillingDay) {
        this.deferToBillingDay = deferToBillingDay;
        return this;
    }

    public List<String> getPaymentMethodTypes() {
        return paymentMethodTypes;
    }

    public void setPaymentMethodTypes(List<String> paymentMethodTypes) {
        this.paymentMethodTypes = paymentMethodTypes;
    }

    /** Fluent setter for {@code payment_method_types}. */
    public CheckoutItem paymentMethodTypes(List<String> paymentMethodTypes) {
        this.paymentMethodTypes = paymentMethodTypes;
        return this;
    }

    public List<Integer> getAvailableInstallments() {
        return availableInstallments;
    }

    public void setAvailableInstallments(List<Integer> availableInstallments) {
        this.availableInstallments = availableInstallments;
    }

    /** Fluent setter for {@code available_installments}. */
    public CheckoutItem availableInstallments(List<Integer> availableInstallments) {
        this.availableInstallments = availableInstallments;
        return this;
    }

    @Override
    protected String toStringFields() {
        return "priceId=" + priceId + ", " + "productId=" + productId + ", " + "name=" + name + ", " + "amountInCents="
                + amountInCents;
    }

    /** An item referring to an existing price ({@code price_...}). */
    public static CheckoutItem ofPrice(String priceId) {
        return new CheckoutItem().priceId(priceId);
    }

    /** An item referring to an existing product ({@code prod_...}). */
    public static CheckoutItem ofProduct(String productId) {
        return new CheckoutItem().productId(productId);
    }

    /** An inline one-time item. */
    public static CheckoutItem inline(String name, long amountInCents, String currency, int quantity) {
        return new CheckoutItem()
                .name(name)
                .amountInCents(amountInCents)
                .currency(currency)
                .quantity(quantity);
    }

    /** Makes this item recurring: {@code charge_type=recurring}, every {@code count} {@code interval}s. */
    public CheckoutItem recurring(String interval, int count) {
        return chargeType("recurring").billingInterval(interval).billingIntervalCount(count);
    }
}
