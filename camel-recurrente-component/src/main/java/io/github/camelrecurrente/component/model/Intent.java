package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A unified intent ({@code in_...}) from {@code GET /intents[/{id}]} (same shape as {@code intent.*} webhooks).
 * {@code type} is {@code payment}/{@code card}, {@code bank_transfer}, {@code crypto}, {@code balance}, {@code cash}...;
 * {@code status} is normalised ({@code pending}, {@code succeeded}, {@code failed}, {@code canceled}, {@code paid}) and
 * {@code raw_status} keeps the concrete state (e.g. {@code requires_capture}).
 */
@JsonPropertyOrder({
    "type",
    "id",
    "status",
    "raw_status",
    "amount_in_cents",
    "currency",
    "fee",
    "vat_withheld",
    "vat_withheld_currency",
    "customer",
    "product",
    "checkout",
    "payment",
    "payment_method",
    "details",
    "tax_invoice_url",
    "live_mode",
    "created_at",
    "updated_at"
})
public class Intent extends RecurrenteObject implements RecurrenteResource, IntentFields {

    private final PaymentFields.Values paymentFieldsValues = new PaymentFields.Values();

    @Override
    public PaymentFields.Values paymentFields() {
        return paymentFieldsValues;
    }

    @Override
    public String getStatus() {
        return IntentFields.super.getStatus();
    }

    @JsonProperty("type")
    private String type;

    @JsonProperty("id")
    private String id;

    @JsonProperty("live_mode")
    private Boolean liveMode;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("updated_at")
    private OffsetDateTime updatedAt;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "type=" + type + ", " + "status=" + getStatus();
    }
}
