package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PATCH/PUT /checkouts/{id}} (only unpaid checkouts).
 */
public class CheckoutUpdateRequest extends RecurrenteObject {

    @JsonProperty("success_url")
    private String successUrl;

    @JsonProperty("cancel_url")
    private String cancelUrl;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    @JsonProperty("expires_at")
    private OffsetDateTime expiresAt;

    @JsonProperty("items")
    private List<CheckoutItem> items;

    public String getSuccessUrl() {
        return successUrl;
    }

    public void setSuccessUrl(String successUrl) {
        this.successUrl = successUrl;
    }

    /** Fluent setter for {@code success_url}. */
    public CheckoutUpdateRequest successUrl(String successUrl) {
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
    public CheckoutUpdateRequest cancelUrl(String cancelUrl) {
        this.cancelUrl = cancelUrl;
        return this;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /** Fluent setter for {@code metadata}. */
    public CheckoutUpdateRequest metadata(Map<String, Object> metadata) {
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
    public CheckoutUpdateRequest expiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public List<CheckoutItem> getItems() {
        return items;
    }

    public void setItems(List<CheckoutItem> items) {
        this.items = items;
    }

    /** Fluent setter for {@code items}. */
    public CheckoutUpdateRequest items(List<CheckoutItem> items) {
        this.items = items;
        return this;
    }

    /** Puts a metadata entry. */
    public CheckoutUpdateRequest putMetadata(String key, Object value) {
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        metadata.put(key, value);
        return this;
    }
}
