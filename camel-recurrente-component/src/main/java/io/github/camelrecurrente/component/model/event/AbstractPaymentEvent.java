package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.Invoice;
import io.github.camelrecurrente.component.model.Payment;
import io.github.camelrecurrente.component.model.PaymentMethod;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.model.ResourceRef;
import io.github.camelrecurrente.component.model.Subscription;
import java.util.List;
import java.util.Map;

/**
 * Common fields of the payment events ({@code payment_intent.*}, {@code bank_transfer_intent.*},
 * {@code balance_intent.*}): amount, fee/IVA withheld, checkout (with your metadata at {@code checkout.metadata}),
 * payment (fiscal data at {@code payment.paymentable}), payment method, customer, product(s), tax invoice.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public abstract class AbstractPaymentEvent extends RecurrenteEvent {

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
    @JsonProperty("failure_reason")
    private String failureReason;
    @JsonProperty("receipt_number")
    private String receiptNumber;
    @JsonProperty("checkout")
    private Checkout checkout;
    @JsonProperty("payment")
    private Payment payment;
    @JsonProperty("payment_method")
    private PaymentMethod paymentMethod;
    @JsonProperty("customer")
    private Customer customer;
    @JsonProperty("customer_id")
    private String customerId;
    @JsonProperty("user_id")
    private String userId;
    @JsonProperty("product")
    private Product product;
    @JsonProperty("products")
    private List<Product> products;
    @JsonProperty("invoice")
    private Invoice invoice;
    @JsonProperty("tax_invoice_url")
    private String taxInvoiceUrl;
    @JsonProperty("metadata")
    private Map<String, Object> metadata;
    @JsonProperty("used_presaved_payment_method")
    private Boolean usedPresavedPaymentMethod;

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

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public void setReceiptNumber(String receiptNumber) {
        this.receiptNumber = receiptNumber;
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

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
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

    public Invoice getInvoice() {
        return invoice;
    }

    public void setInvoice(Invoice invoice) {
        this.invoice = invoice;
    }

    public void setTaxInvoiceUrl(String taxInvoiceUrl) {
        this.taxInvoiceUrl = taxInvoiceUrl;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    public Boolean getUsedPresavedPaymentMethod() {
        return usedPresavedPaymentMethod;
    }

    public void setUsedPresavedPaymentMethod(Boolean usedPresavedPaymentMethod) {
        this.usedPresavedPaymentMethod = usedPresavedPaymentMethod;
    }

    /**
     * The tax invoice (FEL) URL: the top-level {@code tax_invoice_url} (live payloads), else
     * {@code invoice.tax_invoice_url} (documented samples), else {@code null}.
     */
    public String getTaxInvoiceUrl() {
        if (taxInvoiceUrl != null && !taxInvoiceUrl.isEmpty()) {
            return taxInvoiceUrl;
        }
        return invoice != null && invoice.getTaxInvoiceUrl() != null ? invoice.getTaxInvoiceUrl() : taxInvoiceUrl;
    }

    /** The raw top-level {@code tax_invoice_url} field. */
    public String getRawTaxInvoiceUrl() {
        return taxInvoiceUrl;
    }

    /** The top-level {@code payment_method}, else {@code checkout.payment_method}, else {@code null}. */
    public PaymentMethod getPaymentMethod() {
        if (paymentMethod != null) {
            return paymentMethod;
        }
        return checkout != null ? checkout.getPaymentMethod() : null;
    }

    /** The checkout id ({@code checkout.id}), or {@code null}. */
    public String getCheckoutId() {
        return checkout != null ? checkout.getId() : null;
    }

    /** Your checkout metadata value ({@code checkout.metadata[key]}, else top-level {@code metadata[key]}), or {@code null}. */
    public Object getCheckoutMetadataValue(String key) {
        Object v = checkout != null ? checkout.getMetadataValue(key) : null;
        if (v == null && metadata != null) {
            v = metadata.get(key);
        }
        return v;
    }

    /** {@code true} when {@code payment.paymentable.type} is {@code Subscription} (a subscription charge/renewal). */
    public boolean isSubscriptionPayment() {
        return payment != null && payment.getPaymentable() != null
               && "Subscription".equalsIgnoreCase(payment.getPaymentable().getType());
    }

    /** The checkout it paid (which carries the payment status). */
    @Override
    public ResourceRef subject() {
        return ResourceRef.of(ResourceRef.Kind.CHECKOUT, getCheckoutId());
    }
}
