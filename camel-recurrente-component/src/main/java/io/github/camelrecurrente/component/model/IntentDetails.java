package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Type-specific details of a unified {@link Intent} ({@code failure_reason}, {@code bank_reference}, {@code sender_comment}...).
 */
public class IntentDetails extends RecurrenteObject {

    @JsonProperty("failure_reason")
    private String failureReason;

    @JsonProperty("bank_reference")
    private String bankReference;

    @JsonProperty("sender_comment")
    private String senderComment;

    @JsonProperty("auth_code")
    private String authCode;

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

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

    public String getAuthCode() {
        return authCode;
    }

    public void setAuthCode(String authCode) {
        this.authCode = authCode;
    }
}
