package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A subscription ({@code su_...}); {@code status} is {@code active}, {@code paused}, {@code past_due},
 * {@code cancelled}, {@code unable_to_start}... (kept as a string). {@code resumes_on} is kept as text.
 */
public class Subscription extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;

    @JsonProperty("description")
    private String description;

    @JsonProperty("status")
    private String status;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("updated_at")
    private OffsetDateTime updatedAt;

    @JsonProperty("current_period_start")
    private OffsetDateTime currentPeriodStart;

    @JsonProperty("current_period_end")
    private OffsetDateTime currentPeriodEnd;

    @JsonProperty("tax_name")
    private String taxName;

    @JsonProperty("tax_id")
    private String taxId;

    @JsonProperty("resumes_on")
    private String resumesOn;

    @JsonProperty("next_payment_attempt_at")
    private OffsetDateTime nextPaymentAttemptAt;

    @JsonProperty("payment_retries")
    private Integer paymentRetries;

    @JsonProperty("default_payment_method")
    private PaymentMethod defaultPaymentMethod;

    @JsonProperty("subscriber")
    private Subscriber subscriber;

    @JsonProperty("checkout")
    private Checkout checkout;

    @JsonProperty("product")
    private Product product;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    @Override
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    public OffsetDateTime getCurrentPeriodStart() {
        return currentPeriodStart;
    }

    public void setCurrentPeriodStart(OffsetDateTime currentPeriodStart) {
        this.currentPeriodStart = currentPeriodStart;
    }

    public OffsetDateTime getCurrentPeriodEnd() {
        return currentPeriodEnd;
    }

    public void setCurrentPeriodEnd(OffsetDateTime currentPeriodEnd) {
        this.currentPeriodEnd = currentPeriodEnd;
    }

    public String getTaxName() {
        return taxName;
    }

    public void setTaxName(String taxName) {
        this.taxName = taxName;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getResumesOn() {
        return resumesOn;
    }

    public void setResumesOn(String resumesOn) {
        this.resumesOn = resumesOn;
    }

    public OffsetDateTime getNextPaymentAttemptAt() {
        return nextPaymentAttemptAt;
    }

    public void setNextPaymentAttemptAt(OffsetDateTime nextPaymentAttemptAt) {
        this.nextPaymentAttemptAt = nextPaymentAttemptAt;
    }

    public Integer getPaymentRetries() {
        return paymentRetries;
    }

    public void setPaymentRetries(Integer paymentRetries) {
        this.paymentRetries = paymentRetries;
    }

    public PaymentMethod getDefaultPaymentMethod() {
        return defaultPaymentMethod;
    }

    public void setDefaultPaymentMethod(PaymentMethod defaultPaymentMethod) {
        this.defaultPaymentMethod = defaultPaymentMethod;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public void setSubscriber(Subscriber subscriber) {
        this.subscriber = subscriber;
    }

    public Checkout getCheckout() {
        return checkout;
    }

    public void setCheckout(Checkout checkout) {
        this.checkout = checkout;
    }

    public Product getProduct() {
        return product;
    }

    public void setProduct(Product product) {
        this.product = product;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "status=" + status;
    }
}
