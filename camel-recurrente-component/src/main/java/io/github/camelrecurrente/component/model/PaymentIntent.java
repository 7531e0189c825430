package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A card payment intent ({@code pa_...}), e.g. the answer of {@code PATCH/PUT /payment_intents/{id}}.
 * {@link #getTaxInvoiceUrl()} falls back to {@code invoice.tax_invoice_url}.
 */
@JsonPropertyOrder({
    "id",
    "status",
    "amount_in_cents",
    "currency",
    "fee",
    "vat_withheld",
    "vat_withheld_currency",
    "receipt_number",
    "api_version",
    "tax_invoice_url",
    "failure_reason",
    "checkout",
    "customer_id",
    "user_id",
    "customer",
    "product",
    "products",
    "payment",
    "payment_method",
    "invoice",
    "live_mode",
    "created_at"
})
public class PaymentIntent extends RecurrenteObject implements RecurrenteResource, PaymentIntentFields {

    private final PaymentFields.Values paymentFieldsValues = new PaymentFields.Values();

    @Override
    public PaymentFields.Values paymentFields() {
        return paymentFieldsValues;
    }

    @Override
    public String getStatus() {
        return PaymentIntentFields.super.getStatus();
    }

    @JsonProperty("id")
    private String id;

    @JsonProperty("api_version")
    private String apiVersion;

    @JsonProperty("tax_invoice_url")
    private String taxInvoiceUrl;

    @JsonProperty("payment_method")
    private PaymentMethod paymentMethod;

    @JsonProperty("live_mode")
    private Boolean liveMode;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public void setTaxInvoiceUrl(String taxInvoiceUrl) {
        this.taxInvoiceUrl = taxInvoiceUrl;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public Boolean getLiveMode() {
        return liveMode;
    }

    public void setLiveMode(Boolean liveMode) {
        this.liveMode = liveMode;
    }

    @Override
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "status=" + getStatus();
    }

    /** The top-level {@code tax_invoice_url}, else {@code invoice.tax_invoice_url}, else {@code null}. */
    public String getTaxInvoiceUrl() {
        if (taxInvoiceUrl != null && !taxInvoiceUrl.isEmpty()) {
            return taxInvoiceUrl;
        }
        return getInvoice() != null ? getInvoice().getTaxInvoiceUrl() : taxInvoiceUrl;
    }
}
