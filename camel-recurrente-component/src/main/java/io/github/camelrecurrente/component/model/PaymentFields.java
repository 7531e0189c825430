package io.github.camelrecurrente.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields an intent, a payment intent and their webhook events share ({@code Intent}, {@code IntentEvent},
 * {@code PaymentIntent}, the payment events): status, amount, currency, fee, VAT withheld, customer, product,
 * checkout and payment (the payment events read payment method and tax invoice URL with a fallback, so those are
 * in {@link IntentFields} and in each payment class). One block, bound by Jackson through these accessors; each implementing class holds its values in a
 * {@link Values} returned by {@link #paymentFields()}.
 */
public interface PaymentFields {

    /** The values behind the accessors: one per object; use the accessors, not this. */
    final class Values {
        String status;
        Long amountInCents;
        String currency;
        Long fee;
        Long vatWithheld;
        String vatWithheldCurrency;
        Customer customer;
        Product product;
        Checkout checkout;
        Payment payment;
        String rawStatus;
        IntentDetails details;
        PaymentMethod paymentMethod;
        String taxInvoiceUrl;
        String receiptNumber;
        String failureReason;
        String customerId;
        String userId;
        List<Product> products;
        Invoice invoice;
    }

    /** The values of this object's shared fields (internal: use the accessors). */
    Values paymentFields();

    @JsonProperty("status")
    default String getStatus() {
        return paymentFields().status;
    }

    @JsonProperty("status")
    default void setStatus(String status) {
        paymentFields().status = status;
    }

    @JsonProperty("amount_in_cents")
    default Long getAmountInCents() {
        return paymentFields().amountInCents;
    }

    @JsonProperty("amount_in_cents")
    default void setAmountInCents(Long amountInCents) {
        paymentFields().amountInCents = amountInCents;
    }

    @JsonProperty("currency")
    default String getCurrency() {
        return paymentFields().currency;
    }

    @JsonProperty("currency")
    default void setCurrency(String currency) {
        paymentFields().currency = currency;
    }

    @JsonProperty("fee")
    default Long getFee() {
        return paymentFields().fee;
    }

    @JsonProperty("fee")
    default void setFee(Long fee) {
        paymentFields().fee = fee;
    }

    @JsonProperty("vat_withheld")
    default Long getVatWithheld() {
        return paymentFields().vatWithheld;
    }

    @JsonProperty("vat_withheld")
    default void setVatWithheld(Long vatWithheld) {
        paymentFields().vatWithheld = vatWithheld;
    }

    @JsonProperty("vat_withheld_currency")
    default String getVatWithheldCurrency() {
        return paymentFields().vatWithheldCurrency;
    }

    @JsonProperty("vat_withheld_currency")
    default void setVatWithheldCurrency(String vatWithheldCurrency) {
        paymentFields().vatWithheldCurrency = vatWithheldCurrency;
    }

    @JsonProperty("customer")
    default Customer getCustomer() {
        return paymentFields().customer;
    }

    @JsonProperty("customer")
    default void setCustomer(Customer customer) {
        paymentFields().customer = customer;
    }

    @JsonProperty("product")
    default Product getProduct() {
        return paymentFields().product;
    }

    @JsonProperty("product")
    default void setProduct(Product product) {
        paymentFields().product = product;
    }

    @JsonProperty("checkout")
    default Checkout getCheckout() {
        return paymentFields().checkout;
    }

    @JsonProperty("checkout")
    default void setCheckout(Checkout checkout) {
        paymentFields().checkout = checkout;
    }

    @JsonProperty("payment")
    default Payment getPayment() {
        return paymentFields().payment;
    }

    @JsonProperty("payment")
    default void setPayment(Payment payment) {
        paymentFields().payment = payment;
    }
}
