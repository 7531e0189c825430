package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A unified intent ({@code in_...}) from {@code GET /intents[/{id}]} (same shape as {@code intent.*} webhooks).
 * {@code type} is {@code payment}/{@code card}, {@code bank_transfer}, {@code crypto}, {@code balance}, {@code cash}...;
 * {@code status} is normalised ({@code pending}, {@code succeeded}, {@code failed}, {@code canceled}, {@code paid}) and
 * {@code raw_status} keeps the concrete state (e.g. {@code requires_capture}).
 */
public class Intent extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("type")
    private String type;
    @JsonProperty("id")
    private String id;
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
    @JsonProperty("live_mode")
    private Boolean liveMode;
    @JsonProperty("created_at")
    private OffsetDateTime createdAt;
    @JsonProperty("updated_at")
    private OffsetDateTime updatedAt;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

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

    public Boolean getLiveMode() {
        return liveMode;
    }

    public void setLiveMode(Boolean liveMode) {
        this.liveMode = liveMode;
    }

    @Override
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "type=" + type + ", " + "status=" + status;
    }

}
