package io.github.camelrecurrente.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a payment intent and the payment events add to {@link PaymentFields}: receipt number, failure reason, customer
 * and user ids, products and invoice.
 */
public interface PaymentIntentFields extends PaymentFields {

    @JsonProperty("receipt_number")
    default String getReceiptNumber() {
        return paymentFields().receiptNumber;
    }

    @JsonProperty("receipt_number")
    default void setReceiptNumber(String receiptNumber) {
        paymentFields().receiptNumber = receiptNumber;
    }

    @JsonProperty("failure_reason")
    default String getFailureReason() {
        return paymentFields().failureReason;
    }

    @JsonProperty("failure_reason")
    default void setFailureReason(String failureReason) {
        paymentFields().failureReason = failureReason;
    }

    @JsonProperty("customer_id")
    default String getCustomerId() {
        return paymentFields().customerId;
    }

    @JsonProperty("customer_id")
    default void setCustomerId(String customerId) {
        paymentFields().customerId = customerId;
    }

    @JsonProperty("user_id")
    default String getUserId() {
        return paymentFields().userId;
    }

    @JsonProperty("user_id")
    default void setUserId(String userId) {
        paymentFields().userId = userId;
    }

    @JsonProperty("products")
    default List<Product> getProducts() {
        return paymentFields().products;
    }

    @JsonProperty("products")
    default void setProducts(List<Product> products) {
        paymentFields().products = products;
    }

    @JsonProperty("invoice")
    default Invoice getInvoice() {
        return paymentFields().invoice;
    }

    @JsonProperty("invoice")
    default void setInvoice(Invoice invoice) {
        paymentFields().invoice = invoice;
    }
}
