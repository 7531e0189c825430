package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The invoice attached to a payment intent ({@code inv_...}; {@code tax_invoice_url} = FEL document).
 */
public class Invoice extends RecurrenteObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("tax_invoice_url")
    private String taxInvoiceUrl;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTaxInvoiceUrl() {
        return taxInvoiceUrl;
    }

    public void setTaxInvoiceUrl(String taxInvoiceUrl) {
        this.taxInvoiceUrl = taxInvoiceUrl;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id;
    }
}
