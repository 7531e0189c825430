package io.github.camelrecurrente.component.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A postal address ({@code paymentable.address}, customer addresses).
 * <p>Also accepts a plain JSON string (kept in {@code address_line_1}), for payloads that send the address as text.
 */
public class Address extends RecurrenteObject {

    @JsonProperty("address_line_1")
    private String addressLine1;

    @JsonProperty("address_line_2")
    private String addressLine2;

    @JsonProperty("city")
    private String city;

    @JsonProperty("state")
    private String state;

    @JsonProperty("country")
    private String country;

    @JsonProperty("zip_code")
    private String zipCode;

    public String getAddressLine1() {
        return addressLine1;
    }

    public void setAddressLine1(String addressLine1) {
        this.addressLine1 = addressLine1;
    }

    public String getAddressLine2() {
        return addressLine2;
    }

    public void setAddressLine2(String addressLine2) {
        this.addressLine2 = addressLine2;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getZipCode() {
        return zipCode;
    }

    public void setZipCode(String zipCode) {
        this.zipCode = zipCode;
    }

    @Override
    protected String toStringFields() {
        return "city=" + city + ", " + "country=" + country;
    }

    @JsonIgnore
    private String text;

    /** Builds an address from a free-text string (the whole text goes to {@code address_line_1}); blank text gives {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Address fromText(String text) {
        if (text == null || text.trim().isEmpty()) {
            return null;
        }
        Address a = new Address();
        a.setAddressLine1(text);
        a.text = text;
        return a;
    }

    /** The original text when this address arrived as a JSON string (and was not modified since), else {@code null}. */
    public String getText() {
        boolean unchanged = text != null
                && text.equals(addressLine1)
                && addressLine2 == null
                && city == null
                && state == null
                && country == null
                && zipCode == null
                && !hasAdditionalProperties();
        return unchanged ? text : null;
    }

    /** Writes the address back in the shape it arrived in: a string if it was a string, else an object. */
    @JsonValue
    public Object toJsonValue() {
        String t = getText();
        if (t != null) {
            return t;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        putIfNotNull(m, "address_line_1", addressLine1);
        putIfNotNull(m, "address_line_2", addressLine2);
        putIfNotNull(m, "city", city);
        putIfNotNull(m, "state", state);
        putIfNotNull(m, "country", country);
        putIfNotNull(m, "zip_code", zipCode);
        if (hasAdditionalProperties()) {
            m.putAll(getAdditionalProperties());
        }
        return m;
    }

    private static void putIfNotNull(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** Default constructor (used by Jackson for JSON objects). */
    public Address() {}
}
