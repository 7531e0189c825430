package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A product ({@code prod_...}) as returned by {@code /products}, and embedded in payment intents and
 * subscription events. {@code DELETE /products/{id}} answers {@code {"id", "status": "deleted"}} (archived).
 */
public class Product extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;

    @JsonProperty("status")
    private String status;

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

    @JsonProperty("prices")
    private List<Price> prices;

    @JsonProperty("storefront_link")
    private String storefrontLink;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    @JsonProperty("custom_fields")
    private List<Map<String, Object>> customFields;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("updated_at")
    private OffsetDateTime updatedAt;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @Override
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    public String getSuccessUrl() {
        return successUrl;
    }

    public void setSuccessUrl(String successUrl) {
        this.successUrl = successUrl;
    }

    public String getCancelUrl() {
        return cancelUrl;
    }

    public void setCancelUrl(String cancelUrl) {
        this.cancelUrl = cancelUrl;
    }

    public String getCustomTermsAndConditions() {
        return customTermsAndConditions;
    }

    public void setCustomTermsAndConditions(String customTermsAndConditions) {
        this.customTermsAndConditions = customTermsAndConditions;
    }

    public String getPhoneRequirement() {
        return phoneRequirement;
    }

    public void setPhoneRequirement(String phoneRequirement) {
        this.phoneRequirement = phoneRequirement;
    }

    public String getAddressRequirement() {
        return addressRequirement;
    }

    public void setAddressRequirement(String addressRequirement) {
        this.addressRequirement = addressRequirement;
    }

    public String getBillingInfoRequirement() {
        return billingInfoRequirement;
    }

    public void setBillingInfoRequirement(String billingInfoRequirement) {
        this.billingInfoRequirement = billingInfoRequirement;
    }

    public Boolean getAdjustableQuantity() {
        return adjustableQuantity;
    }

    public void setAdjustableQuantity(Boolean adjustableQuantity) {
        this.adjustableQuantity = adjustableQuantity;
    }

    public Long getInventoryQuantity() {
        return inventoryQuantity;
    }

    public void setInventoryQuantity(Long inventoryQuantity) {
        this.inventoryQuantity = inventoryQuantity;
    }

    public Boolean getHasDynamicPricing() {
        return hasDynamicPricing;
    }

    public void setHasDynamicPricing(Boolean hasDynamicPricing) {
        this.hasDynamicPricing = hasDynamicPricing;
    }

    public Boolean getCustomPaymentMethodSettings() {
        return customPaymentMethodSettings;
    }

    public void setCustomPaymentMethodSettings(Boolean customPaymentMethodSettings) {
        this.customPaymentMethodSettings = customPaymentMethodSettings;
    }

    public Boolean getCardPaymentsEnabled() {
        return cardPaymentsEnabled;
    }

    public void setCardPaymentsEnabled(Boolean cardPaymentsEnabled) {
        this.cardPaymentsEnabled = cardPaymentsEnabled;
    }

    public Boolean getBankTransferPaymentsEnabled() {
        return bankTransferPaymentsEnabled;
    }

    public void setBankTransferPaymentsEnabled(Boolean bankTransferPaymentsEnabled) {
        this.bankTransferPaymentsEnabled = bankTransferPaymentsEnabled;
    }

    public List<Integer> getAvailableInstallments() {
        return availableInstallments;
    }

    public void setAvailableInstallments(List<Integer> availableInstallments) {
        this.availableInstallments = availableInstallments;
    }

    public List<Price> getPrices() {
        return prices;
    }

    public void setPrices(List<Price> prices) {
        this.prices = prices;
    }

    public String getStorefrontLink() {
        return storefrontLink;
    }

    public void setStorefrontLink(String storefrontLink) {
        this.storefrontLink = storefrontLink;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    public List<Map<String, Object>> getCustomFields() {
        return customFields;
    }

    public void setCustomFields(List<Map<String, Object>> customFields) {
        this.customFields = customFields;
    }

    @Override
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "status=" + status + ", " + "name=" + name;
    }
}
