package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A card payment intent ({@code pa_...}), e.g. the answer of {@code PATCH/PUT /payment_intents/{id}}.
 * {@link #getTaxInvoiceUrl()} falls back to {@code invoice.tax_invoice_url}.
 */
public class PaymentIntent extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;
    @JsonProperty("status")
    private String status;
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
    @JsonProperty("receipt_number")
    private String receiptNumber;
    @JsonProperty("api_version")
    private String apiVersion;
    @JsonProperty("tax_invoice_url")
    private String taxInvoiceUrl;
    @JsonProperty("failure_reason")
    private String failureReason;
    @JsonProperty("checkout")
    private Checkout checkout;
    @JsonProperty("customer_id")
    private String customerId;
    @JsonProperty("user_id")
    private String userId;
    @JsonProperty("customer")
    private Customer customer;
    @JsonProperty("product")
    private Product product;
    @JsonProperty("products")
    private List<Product> products;
    @JsonProperty("payment")
    private Payment payment;
    @JsonProperty("payment_method")
    private PaymentMethod paymentMethod;
    @JsonProperty("invoice")
    private Invoice invoice;
    @JsonProperty("live_mode")
    private Boolean liveMode;
    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

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

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public void setReceiptNumber(String receiptNumber) {
        this.receiptNumber = receiptNumber;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public void setTaxInvoiceUrl(String taxInvoiceUrl) {
        this.taxInvoiceUrl = taxInvoiceUrl;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public Checkout getCheckout() {
        return checkout;
    }

    public void setCheckout(Checkout checkout) {
        this.checkout = checkout;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
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

    public List<Product> getProducts() {
        return products;
    }

    public void setProducts(List<Product> products) {
        this.products = products;
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

    public Invoice getInvoice() {
        return invoice;
    }

    public void setInvoice(Invoice invoice) {
        this.invoice = invoice;
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
    protected String toStringFields() {
        return "id=" + id + ", " + "status=" + status;
    }

    /** The top-level {@code tax_invoice_url}, else {@code invoice.tax_invoice_url}, else {@code null}. */
    public String getTaxInvoiceUrl() {
        if (taxInvoiceUrl != null && !taxInvoiceUrl.isEmpty()) {
            return taxInvoiceUrl;
        }
        return invoice != null ? invoice.getTaxInvoiceUrl() : taxInvoiceUrl;
    }

}
