package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.IntentDetails;
import io.github.camelrecurrente.component.model.Payment;
import io.github.camelrecurrente.component.model.PaymentMethod;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.ResourceRef;

/**
 * Unified {@code intent.succeeded|pending|failed|canceled|paid} ({@code id} = {@code in_...}). Here {@code type} is the
 * <em>intent type</em> ({@code payment}/{@code card}, {@code bank_transfer}, {@code balance}, {@code crypto}, {@code cash}), see
 * {@link #getIntentType()}; the event type is {@code event_type}. {@code raw_status} keeps the concrete state.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public class IntentEvent extends RecurrenteEvent {

    @JsonProperty("status")
    private String status;
    @JsonProperty("raw_status")
    private String rawStatus;
    @JsonProperty("amount_in_cents")
    private Long amountInCents;
    @JsonProperty("currency")
    private String currency;
    @JsonProperty("fee")
    private Long fee;
    @JsonProperty("vat_withheld")
    private Long vatWithheld;
    @JsonProperty("vat_withheld_currency")
    private String vatWithheldCurrency;
    @JsonProperty("customer")
    private Customer customer;
    @JsonProperty("product")
    private Product product;
    @JsonProperty("checkout")
    private Checkout checkout;
    @JsonProperty("payment")
    private Payment payment;
    @JsonProperty("payment_method")
    private PaymentMethod paymentMethod;
    @JsonProperty("details")
    private IntentDetails details;
    @JsonProperty("tax_invoice_url")
    private String taxInvoiceUrl;

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getRawStatus() {
        return rawStatus;
    }

    public void setRawStatus(String rawStatus) {
        this.rawStatus = rawStatus;
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

    public Long getFee() {
        return fee;
    }

    public void setFee(Long fee) {
        this.fee = fee;
    }

    public Long getVatWithheld() {
        return vatWithheld;
    }

    public void setVatWithheld(Long vatWithheld) {
        this.vatWithheld = vatWithheld;
    }

    public String getVatWithheldCurrency() {
        return vatWithheldCurrency;
    }

    public void setVatWithheldCurrency(String vatWithheldCurrency) {
        this.vatWithheldCurrency = vatWithheldCurrency;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public Product getProduct() {
        return product;
    }

    public void setProduct(Product product) {
        this.product = product;
    }

    public Checkout getCheckout() {
        return checkout;
    }

    public void setCheckout(Checkout checkout) {
        this.checkout = checkout;
    }

    public Payment getPayment() {
        return payment;
    }

    public void setPayment(Payment payment) {
        this.payment = payment;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public IntentDetails getDetails() {
        return details;
    }

    public void setDetails(IntentDetails details) {
        this.details = details;
    }

    public String getTaxInvoiceUrl() {
        return taxInvoiceUrl;
    }

    public void setTaxInvoiceUrl(String taxInvoiceUrl) {
        this.taxInvoiceUrl = taxInvoiceUrl;
    }

    /** The intent type ({@code type}): {@code payment}/{@code card}, {@code bank_transfer}, {@code balance}... */
    public String getIntentType() {
        return getType();
    }

    /** {@code details.failure_reason}, or {@code null}. */
    public String getFailureReason() {
        return details != null ? details.getFailureReason() : null;
    }

    /** This payload as an {@link Intent} (the {@code GET /intents/{id}} model). */
    public Intent toIntent() {
        return RecurrenteJson.mapper().convertValue(this, Intent.class);
    }

    /** The unified intent. */
    @Override
    public ResourceRef subject() {
        return ResourceRef.of(ResourceRef.Kind.INTENT, getId());
    }
}
