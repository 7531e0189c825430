package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an intent and an {@code intent.*} event add to {@link PaymentFields}: the raw status, the details, the payment
 * method and the tax invoice URL.
 */
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

    @JsonProperty("payment_method")
    default PaymentMethod getPaymentMethod() {
        return paymentFields().paymentMethod;
    }

    @JsonProperty("payment_method")
    default void setPaymentMethod(PaymentMethod paymentMethod) {
        paymentFields().paymentMethod = paymentMethod;
    }

    @JsonProperty("tax_invoice_url")
    default String getTaxInvoiceUrl() {
        return paymentFields().taxInvoiceUrl;
    }

    @JsonProperty("tax_invoice_url")
    default void setTaxInvoiceUrl(String taxInvoiceUrl) {
        paymentFields().taxInvoiceUrl = taxInvoiceUrl;
    }
}
