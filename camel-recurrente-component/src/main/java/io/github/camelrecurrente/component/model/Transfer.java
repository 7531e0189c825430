package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A transfer to another Recurrente account ({@code tr_...}; {@code status} e.g. {@code completed}).
 */
public class Transfer extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;

    @JsonProperty("status")
    private String status;

    @JsonProperty("amount_in_cents")
    private Long amountInCents;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("note")
    private String note;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("sender")
    private TransferParty sender;

    @JsonProperty("recipient")
    private TransferParty recipient;

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

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    @Override
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public TransferParty getSender() {
        return sender;
    }

    public void setSender(TransferParty sender) {
        this.sender = sender;
    }

    public TransferParty getRecipient() {
        return recipient;
    }

    public void setRecipient(TransferParty recipient) {
        this.recipient = recipient;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "status=" + status;
    }
}
