package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a payment pays for: {@code type} is {@code OneTimePayment} or {@code Subscription} (renewals),
 * {@code id} is {@code on_...}/{@code su_...}; carries the buyer's fiscal data ({@code tax_name}, {@code tax_id} = NIT).
 */
public class Paymentable extends RecurrenteObject {

    @JsonProperty("type")
    private String type;

    @JsonProperty("id")
    private String id;

    @JsonProperty("tax_name")
    private String taxName;

    @JsonProperty("tax_id")
    private String taxId;

    @JsonProperty("address")
    private Address address;

    @JsonProperty("phone_number")
    private String phoneNumber;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTaxName() {
        return taxName;
    }

    public void setTaxName(String taxName) {
        this.taxName = taxName;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    @Override
    protected String toStringFields() {
        return "type=" + type + ", " + "id=" + id;
    }
}
