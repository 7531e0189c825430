package io.github.camelrecurrente.component.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.Invoice;
import io.github.camelrecurrente.component.model.PaymentFields;
import io.github.camelrecurrente.component.model.PaymentIntentFields;
import io.github.camelrecurrente.component.model.PaymentMethod;
import io.github.camelrecurrente.component.model.ResourceRef;

/**
 * Common fields of the payment events ({@code payment_intent.*}, {@code bank_transfer_intent.*},
 * {@code balance_intent.*}): amount, fee/IVA withheld, checkout (with your metadata at {@code checkout.metadata}),
 * payment (fiscal data at {@code payment.paymentable}), payment method, customer, product(s), tax invoice.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonPropertyOrder({
    "id",
    "event_type",
    "type",
    "api_version",
    "created_at",
    "connected",
    "account_id",
    "live_mode",
    "status",
    "amount_in_cents",
    "currency",
    "fee",
    "vat_withheld",
    "vat_withheld_currency",
    "failure_reason",
    "receipt_number",
    "checkout",
    "payment",
    "payment_method",
    "customer",
    "customer_id",
    "user_id",
    "product",
    "products",
    "invoice",
    "tax_invoice_url",
    "metadata",
    "used_presaved_payment_method"
})
public abstract class AbstractPaymentEvent extends RecurrenteEvent implements PaymentIntentFields {

    private final PaymentFields.Values paymentFieldsValues = new PaymentFields.Values();

    @Override
    public PaymentFields.Values paymentFields() {
        return paymentFieldsValues;
    }

    @JsonProperty("payment_method")
    private PaymentMethod paymentMethod;

    @JsonProperty("tax_invoice_url")
    private String taxInvoiceUrl;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    @JsonProperty("used_presaved_payment_method")
    private Boolean usedPresavedPaymentMethod;

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
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
        Invoice invoice = getInvoice();
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
        return getCheckout() != null ? getCheckout().getPaymentMethod() : null;
    }

    /** The checkout id ({@code checkout.id}), or {@code null}. */
    public String getCheckoutId() {
        return getCheckout() != null ? getCheckout().getId() : null;
    }

    /** Your checkout metadata value ({@code checkout.metadata[key]}, else top-level {@code metadata[key]}), or {@code null}. */
    public Object getCheckoutMetadataValue(String key) {
        Object v = getCheckout() != null ? getCheckout().getMetadataValue(key) : null;
        if (v == null && metadata != null) {
            v = metadata.get(key);
        }
        return v;
    }

    /** {@code true} when {@code payment.paymentable.type} is {@code Subscription} (a subscription charge/renewal). */
    public boolean isSubscriptionPayment() {
        return getPayment() != null
                && getPayment().getPaymentable() != null
                && "Subscription".equalsIgnoreCase(getPayment().getPaymentable().getType());
    }

    /** The checkout it paid (which carries the payment status). */
    @Override
    public ResourceRef subject() {
        return ResourceRef.of(ResourceRef.Kind.CHECKOUT, getCheckoutId());
    }
}
