package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an intent and an {@code intent.*} event add to {@link PaymentFields}: the raw status and the details. */
public interface IntentFields extends PaymentFields {

    @JsonProperty("raw_status")
    default String getRawStatus() {
        return paymentFields().rawStatus;
    }

    @JsonProperty("raw_status")
    default void setRawStatus(String rawStatus) {
        paymentFields().rawStatus = rawStatus;
    }

    @JsonProperty("details")
    default IntentDetails getDetails() {
        return paymentFields().details;
    }

    @JsonProperty("details")
    default void setDetails(IntentDetails details) {
        paymentFields().details = details;
    }
}
