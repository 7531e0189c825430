package io.github.camelrecurrente.component.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A product to create/update. The producer wraps it as {@code {"product": ...}}; this class is the inner
 * object only.
 */
public class ProductRequest extends RecurrenteObject {

    @JsonProperty("name")
    private String name;

    @JsonProperty("description")
    private String description;

    @JsonProperty("image_url")
    private String imageUrl;

    @JsonProperty("success_url")
    private String successUrl;

    @JsonProperty("cancel_url")
    private String cancelUrl;

    @JsonProperty("custom_terms_and_conditions")
    private String customTermsAndConditions;

    @JsonProperty("phone_requirement")
    private String phoneRequirement;

    @JsonProperty("address_requirement")
    private String addressRequirement;

    @JsonProperty("billing_info_requirement")
    private String billingInfoRequirement;

    @JsonProperty("adjustable_quantity")
    private Boolean adjustableQuantity;

    @JsonProperty("inventory_quantity")
    private Long inventoryQuantity;

    @JsonProperty("has_dynamic_pricing")
    private Boolean hasDynamicPricing;

    @JsonProperty("custom_payment_method_settings")
    private Boolean customPaymentMethodSettings;

    @JsonProperty("card_payments_enabled")
    private Boolean cardPaymentsEnabled;

    @JsonProperty("bank_transfer_payments_enabled")
    private Boolean bankTransferPaymentsEnabled;

    @JsonProperty("available_installments")
    private List<Integer> availableInstallments;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    @JsonProperty("prices_attributes")
    private List<PriceRequest> pricesAttributes;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Fluent setter for {@code name}. */
    public ProductRequest name(String name) {
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
    public ProductRequest description(String description) {
        this.description = description;
        return this;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    /** Fluent setter for {@code image_url}. */
    public ProductRequest imageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
        return this;
    }

    public String getSuccessUrl() {
        return successUrl;
    }

    public void setSuccessUrl(String successUrl) {
        this.successUrl = successUrl;
    }

    /** Fluent setter for {@code success_url}. */
    public ProductRequest successUrl(String successUrl) {
        this.successUrl = successUrl;
        return this;
    }

    public String getCancelUrl() {
        return cancelUrl;
    }

    public void setCancelUrl(String cancelUrl) {
        this.cancelUrl = cancelUrl;
    }

    /** Fluent setter for {@code cancel_url}. */
    public ProductRequest cancelUrl(String cancelUrl) {
        this.cancelUrl = cancelUrl;
        return this;
    }

    public String getCustomTermsAndConditions() {
        return customTermsAndConditions;
    }

    public void setCustomTermsAndConditions(String customTermsAndConditions) {
        this.customTermsAndConditions = customTermsAndConditions;
    }

    /** Fluent setter for {@code custom_terms_and_conditions}. */
    public ProductRequest customTermsAndConditions(String customTermsAndConditions) {
        this.customTermsAndConditions = customTermsAndConditions;
        return this;
    }

    public String getPhoneRequirement() {
        return phoneRequirement;
    }

    public void setPhoneRequirement(String phoneRequirement) {
        this.phoneRequirement = phoneRequirement;
    }

    /** Fluent setter for {@code phone_requirement}. */
    public ProductRequest phoneRequirement(String phoneRequirement) {
        this.phoneRequirement = phoneRequirement;
        return this;
    }

    public String getAddressRequirement() {
        return addressRequirement;
    }

    public void setAddressRequirement(String addressRequirement) {
        this.addressRequirement = addressRequirement;
    }

    /** Fluent setter for {@code address_requirement}. */
    public ProductRequest addressRequirement(String addressRequirement) {
        this.addressRequirement = addressRequirement;
        return this;
    }

    public String getBillingInfoRequirement() {
        return billingInfoRequirement;
    }

    public void setBillingInfoRequirement(String billingInfoRequirement) {
        this.billingInfoRequirement = billingInfoRequirement;
    }

    /** Fluent setter for {@code billing_info_requirement}. */
    public ProductRequest billingInfoRequirement(String billingInfoRequirement) {
        this.billingInfoRequirement = billingInfoRequirement;
        return this;
    }

    public Boolean getAdjustableQuantity() {
        return adjustableQuantity;
    }

    public void setAdjustableQuantity(Boolean adjustableQuantity) {
        this.adjustableQuantity = adjustableQuantity;
    }

    /** Fluent setter for {@code adjustable_quantity}. */
    public ProductRequest adjustableQuantity(Boolean adjustableQuantity) {
        this.adjustableQuantity = adjustableQuantity;
        return this;
    }

    public Long getInventoryQuantity() {
        return inventoryQuantity;
    }

    public void setInventoryQuantity(Long inventoryQuantity) {
        this.inventoryQuantity = inventoryQuantity;
    }

    /** Fluent setter for {@code inventory_quantity}. */
    public ProductRequest inventoryQuantity(Long inventoryQuantity) {
        this.inventoryQuantity = inventoryQuantity;
        return this;
    }

    public Boolean getHasDynamicPricing() {
        return hasDynamicPricing;
    }

    public void setHasDynamicPricing(Boolean hasDynamicPricing) {
        this.hasDynamicPricing = hasDynamicPricing;
    }

    /** Fluent setter for {@code has_dynamic_pricing}. */
    public ProductRequest hasDynamicPricing(Boolean hasDynamicPricing) {
        this.hasDynamicPricing = hasDynamicPricing;
        return this;
    }

    public Boolean getCustomPaymentMethodSettings() {
        return customPaymentMethodSettings;
    }

    public void setCustomPaymentMethodSettings(Boolean customPaymentMethodSettings) {
        this.customPaymentMethodSettings = customPaymentMethodSettings;
    }

    /** Fluent setter for {@code custom_payment_method_settings}. */
    public ProductRequest customPaymentMethodSettings(Boolean customPaymentMethodSettings) {
        this.customPaymentMethodSettings = customPaymentMethodSettings;
        return this;
    }

    public Boolean getCardPaymentsEnabled() {
        return cardPaymentsEnabled;
    }

    public void setCardPaymentsEnabled(Boolean cardPaymentsEnabled) {
        this.cardPaymentsEnabled = cardPaymentsEnabled;
    }

    /** Fluent setter for {@code card_payments_enabled}. */
    public ProductRequest cardPaymentsEnabled(Boolean cardPaymentsEnabled) {
        this.cardPaymentsEnabled = cardPaymentsEnabled;
        return this;
    }

    public Boolean getBankTransferPaymentsEnabled() {
        return bankTransferPaymentsEnabled;
    }

    public void setBankTransferPaymentsEnabled(Boolean bankTransferPaymentsEnabled) {
        this.bankTransferPaymentsEnabled = bankTransferPaymentsEnabled;
    }

    /** Fluent setter for {@code bank_transfer_payments_enabled}. */
    public ProductRequest bankTransferPaymentsEnabled(Boolean bankTransferPaymentsEnabled) {
        this.bankTransferPaymentsEnabled = bankTransferPaymentsEnabled;
        return this;
    }

    public List<Integer> getAvailableInstallments() {
        return availableInstallments;
    }

    public void setAvailableInstallments(List<Integer> availableInstallments) {
        this.availableInstallments = availableInstallments;
    }

    /** Fluent setter for {@code available_installments}. */
    public ProductRequest availableInstallments(List<Integer> availableInstallments) {
        this.availableInstallments = availableInstallments;
        return this;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /** Fluent setter for {@code metadata}. */
    public ProductRequest metadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    public List<PriceRequest> getPricesAttributes() {
        return pricesAttributes;
    }

    public void setPricesAttributes(List<PriceRequest> pricesAttributes) {
        this.pricesAttributes = pricesAttributes;
    }

    /** Fluent setter for {@code prices_attributes}. */
    public ProductRequest pricesAttributes(List<PriceRequest> pricesAttributes) {
        this.pricesAttributes = pricesAttributes;
        return this;
    }

    /** A product with the given name and prices. */
    public static ProductRequest of(String name, PriceRequest... prices) {
        return new ProductRequest().name(name).pricesAttributes(new ArrayList<>(Arrays.asList(prices)));
    }

    /** Adds an entry to {@code prices_attributes}. */
    public ProductRequest addPrice(PriceRequest price) {
        if (pricesAttributes == null) {
            pricesAttributes = new ArrayList<>();
        }
        pricesAttributes.add(price);
        return this;
    }

    /** Puts a metadata entry. */
    public ProductRequest putMetadata(String key, Object value) {
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        metadata.put(key, value);
        return this;
    }
}
