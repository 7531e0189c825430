package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code bank_transfer_intent.pending|succeeded|failed} ({@code id} = {@code ba_...}).
 * {@code bank_reference} / {@code sender_comment} are {@code null} while pending.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public class BankTransferIntentEvent extends AbstractPaymentEvent {

    @JsonProperty("bank_reference")
    private String bankReference;

    @JsonProperty("sender_comment")
    private String senderComment;

    public String getBankReference() {
        return bankReference;
    }

    public void setBankReference(String bankReference) {
        this.bankReference = bankReference;
    }

    public String getSenderComment() {
        return senderComment;
    }

    public void setSenderComment(String senderComment) {
        this.senderComment = senderComment;
    }
}
