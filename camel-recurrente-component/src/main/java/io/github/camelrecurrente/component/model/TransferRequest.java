package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /transfers} ({@code recipient_id} = the @handle of the receiving account).
 */
public class TransferRequest extends RecurrenteObject {

    @JsonProperty("amount_in_cents")
    private Long amountInCents;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("recipient_id")
    private String recipientId;

    @JsonProperty("note")
    private String note;

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
    }

    /** Fluent setter for {@code amount_in_cents}. */
    public TransferRequest amountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
        return this;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** Fluent setter for {@code currency}. */
    public TransferRequest currency(String currency) {
        this.currency = currency;
        return this;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
    }

    /** Fluent setter for {@code recipient_id}. */
    public TransferRequest recipientId(String recipientId) {
        this.recipientId = recipientId;
        return this;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** Fluent setter for {@code note}. */
    public TransferRequest note(String note) {
        this.note = note;
        return this;
    }

    /** A transfer of {@code amountInCents} {@code currency} to {@code recipientId}. */
    public static TransferRequest of(long amountInCents, String currency, String recipientId) {
        return new TransferRequest()
                .amountInCents(amountInCents)
                .currency(currency)
                .recipientId(recipientId);
    }
}
