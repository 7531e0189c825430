package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A split of a checkout's proceeds to another account (connected accounts): {@code amount_in_cents}
 * sent to {@code recipient_id} after a successful payment. Used in requests and responses.
 */
public class TransferSetup extends RecurrenteObject {

    @JsonProperty("amount_in_cents")
    private Long amountInCents;

    @JsonProperty("recipient_id")
    private String recipientId;

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
    }

    /** Fluent setter for {@code amount_in_cents}. */
    public TransferSetup amountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
        return this;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
    }

    /** Fluent setter for {@code recipient_id}. */
    public TransferSetup recipientId(String recipientId) {
        this.recipientId = recipientId;
        return this;
    }

    @Override
    protected String toStringFields() {
        return "amountInCents=" + amountInCents + ", " + "recipientId=" + recipientId;
    }

    /** A transfer setup of {@code amountInCents} to {@code recipientId} (null recipient = your own account). */
    public static TransferSetup of(long amountInCents, String recipientId) {
        return new TransferSetup().amountInCents(amountInCents).recipientId(recipientId);
    }
}
