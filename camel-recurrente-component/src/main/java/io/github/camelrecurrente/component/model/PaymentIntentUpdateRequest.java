package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Update of a payment intent; the producer wraps it as {@code {"payment_intent": ...}}.
 */
public class PaymentIntentUpdateRequest extends RecurrenteObject {

    @JsonProperty("tax_invoice_url")
    private String taxInvoiceUrl;

    public String getTaxInvoiceUrl() {
        return taxInvoiceUrl;
    }

    public void setTaxInvoiceUrl(String taxInvoiceUrl) {
        this.taxInvoiceUrl = taxInvoiceUrl;
    }

    /** Fluent setter for {@code tax_invoice_url}. */
    public PaymentIntentUpdateRequest taxInvoiceUrl(String taxInvoiceUrl) {
        this.taxInvoiceUrl = taxInvoiceUrl;
        return this;
    }

    /** An update setting {@code tax_invoice_url}. */
    public static PaymentIntentUpdateRequest taxInvoice(String url) {
        return new PaymentIntentUpdateRequest().taxInvoiceUrl(url);
    }
}
