package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A checkout ({@code ch_...}). {@code POST /checkouts} answers only {@code id} and {@code checkout_url};
 * {@code GET} adds {@code status} ({@code unpaid}, {@code paid}, {@code payment_in_progress}, {@code expired}),
 * amounts ({@code total_in_cents} may arrive as a string), payment, payment method, metadata, latest intent...
 */
public class Checkout extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;

    @JsonProperty("status")
    private String status;

    @JsonProperty("checkout_url")
    private String checkoutUrl;

    @JsonProperty("url")
    private String url;

    @JsonProperty("mode")
    private String mode;

    @JsonProperty("total_in_cents")
    private Long totalInCents;

    @JsonProperty("subtotal_in_cents")
    private Long subtotalInCents;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("live_mode")
    private Boolean liveMode;

    @JsonProperty("expires_at")
    private OffsetDateTime expiresAt;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("updated_at")
    private OffsetDateTime updatedAt;

    @JsonProperty("success_url")
    private String successUrl;

    @JsonProperty("cancel_url")
    private String cancelUrl;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    @JsonProperty("discount")
    private Discount discount;

    @JsonProperty("custom_account_id")
    private String customAccountId;

    @JsonProperty("transfer_setups")
    private List<TransferSetup> transferSetups;

    @JsonProperty("latest_intent")
    private LatestIntent latestIntent;

    @JsonProperty("payment")
    private Payment payment;

    @JsonProperty("payment_method")
    private PaymentMethod paymentMethod;

    @JsonProperty("user_id")
    private String userId;

    @JsonProperty("customer_id")
    private String customerId;

    @JsonProperty("items")
    private List<CheckoutItem> items;

    @JsonProperty("custom_fields")
    private List<Map<String, Object>> customFields;

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

    public String getCheckoutUrl() {
        return checkoutUrl;
    }

    public void setCheckoutUrl(String checkoutUrl) {
        this.checkoutUrl = checkoutUrl;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public Long getTotalInCents() {
        return totalInCents;
    }

    public void setTotalInCents(Long totalInCents) {
        this.totalInCents = totalInCents;
    }

    public Long getSubtotalInCents() {
        return subtotalInCents;
    }

    public void setSubtotalInCents(Long subtotalInCents) {
        this.subtotalInCents = subtotalInCents;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Boolean getLiveMode() {
        return liveMode;
    }

    public void setLiveMode(Boolean liveMode) {
        this.liveMode = liveMode;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(OffsetDateTime expiresAt) {
        this.expiresAt = expiresAt;
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

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    public Discount getDiscount() {
        return discount;
    }

    public void setDiscount(Discount discount) {
        this.discount = discount;
    }

    public String getCustomAccountId() {
        return customAccountId;
    }

    public void setCustomAccountId(String customAccountId) {
        this.customAccountId = customAccountId;
    }

    public List<TransferSetup> getTransferSetups() {
        return transferSetups;
    }

    public void setTransferSetups(List<TransferSetup> transferSetups) {
        this.transferSetups = transferSetups;
    }

    public LatestIntent getLatestIntent() {
        return latestIntent;
    }

    public void setLatestIntent(LatestIntent latestIntent) {
        this.latestIntent = latestIntent;
    }

    public Payment getPayment() {
        return payment;
    }

    public void setPayment(Payment payment) {
        this.payment = payment;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public List<CheckoutItem> getItems() {
        return items;
    }

    public void setItems(List<CheckoutItem> items) {
        this.items = items;
    }

    public List<Map<String, Object>> getCustomFields() {
        return customFields;
    }

    public void setCustomFields(List<Map<String, Object>> customFields) {
        this.customFields = customFields;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "status=" + status;
    }

    /** {@code checkout_url}, or {@code url} when only that one is present. */
    public String getCheckoutUrlOrUrl() {
        return checkoutUrl != null ? checkoutUrl : url;
    }

    /** {@code metadata.get(key)}, or {@code null}. */
    public Object getMetadataValue(String key) {
        return metadata == null ? null : metadata.get(key);
    }
}
