package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /checkouts} (top-level fields, no wrapper).
 */
public class CheckoutRequest extends RecurrenteObject {

    @JsonProperty("items")
    private List<CheckoutItem> items;

    @JsonProperty("success_url")
    private String successUrl;

    @JsonProperty("cancel_url")
    private String cancelUrl;

    @JsonProperty("user_id")
    private String userId;

    @JsonProperty("customer_id")
    private String customerId;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    @JsonProperty("expires_at")
    private OffsetDateTime expiresAt;

    @JsonProperty("mode")
    private String mode;

    @JsonProperty("custom_account_id")
    private String customAccountId;

    @JsonProperty("transfer_setups")
    private List<TransferSetup> transferSetups;

    @JsonProperty("payment_method_types")
    private List<String> paymentMethodTypes;

    public List<CheckoutItem> getItems() {
        return items;
    }

    public void setItems(List<CheckoutItem> items) {
        this.items = items;
    }

    /** Fluent setter for {@code items}. */
    public CheckoutRequest items(List<CheckoutItem> items) {
        this.items = items;
        return this;
    }

    public String getSuccessUrl() {
        return successUrl;
    }

    public void setSuccessUrl(String successUrl) {
        this.successUrl = successUrl;
    }

    /** Fluent setter for {@code success_url}. */
    public CheckoutRequest successUrl(String successUrl) {
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
    public CheckoutRequest cancelUrl(String cancelUrl) {
        this.cancelUrl = cancelUrl;
        return this;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    /** Fluent setter for {@code user_id}. */
    public CheckoutRequest userId(String userId) {
        this.userId = userId;
        return this;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    /** Fluent setter for {@code customer_id}. */
    public CheckoutRequest customerId(String customerId) {
        this.customerId = customerId;
        return this;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /** Fluent setter for {@code metadata}. */
    public CheckoutRequest metadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** Fluent setter for {@code expires_at}. */
    public CheckoutRequest expiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** Fluent setter for {@code mode}. */
    public CheckoutRequest mode(String mode) {
        this.mode = mode;
        return this;
    }

    public String getCustomAccountId() {
        return customAccountId;
    }

    public void setCustomAccountId(String customAccountId) {
        this.customAccountId = customAccountId;
    }

    /** Fluent setter for {@code custom_account_id}. */
    public CheckoutRequest customAccountId(String customAccountId) {
        this.customAccountId = customAccountId;
        return this;
    }

    public List<TransferSetup> getTransferSetups() {
        return transferSetups;
    }

    public void setTransferSetups(List<TransferSetup> transferSetups) {
        this.transferSetups = transferSetups;
    }

    /** Fluent setter for {@code transfer_setups}. */
    public CheckoutRequest transferSetups(List<TransferSetup> transferSetups) {
        this.transferSetups = transferSetups;
        return this;
    }

    public List<String> getPaymentMethodTypes() {
        return paymentMethodTypes;
    }

    public void setPaymentMethodTypes(List<String> paymentMethodTypes) {
        this.paymentMethodTypes = paymentMethodTypes;
    }

    /**
     * Fluent setter for a top-level {@code payment_method_types}: not in any documented example (the documented place
     * is each item, {@link CheckoutItem#paymentMethodTypes(List)}); sent only when set.
     */
    public CheckoutRequest paymentMethodTypes(List<String> paymentMethodTypes) {
        this.paymentMethodTypes = paymentMethodTypes;
        return this;
    }

    /** A request with the given items. */
    public static CheckoutRequest of(CheckoutItem... items) {
        return new CheckoutRequest().items(new ArrayList<>(Arrays.asList(items)));
    }

    /** A {@code mode: "setup"} checkout (tokenises a card without charging it). */
    public static CheckoutRequest setup() {
        return new CheckoutRequest().mode("setup");
    }

    /** Adds an item. */
    public CheckoutRequest addItem(CheckoutItem item) {
        if (items == null) {
            items = new ArrayList<>();
        }
        items.add(item);
        return this;
    }

    /** Adds a transfer setup. */
    public CheckoutRequest addTransferSetup(TransferSetup setup) {
        if (transferSetups == null) {
            transferSetups = new ArrayList<>();
        }
        transferSetups.add(setup);
        return this;
    }

    /** Puts a metadata entry. */
    public CheckoutRequest putMetadata(String key, Object value) {
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        metadata.put(key, value);
        return this;
    }
}
