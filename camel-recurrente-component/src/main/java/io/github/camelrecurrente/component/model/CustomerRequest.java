package io.github.camelrecurrente.component.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /customers} (find-or-create by {@code email}) and {@code PUT /customers/{id}}
 * (metadata is deep-merged; a {@code null} metadata value deletes the key and IS sent).
 */
public class CustomerRequest extends RecurrenteObject {

    @JsonProperty("email")
    private String email;

    @JsonProperty("full_name")
    private String fullName;

    @JsonProperty("name")
    private String name;

    @JsonProperty("phone")
    private String phone;

    @JsonProperty("address")
    private Object address;

    @JsonProperty("nit")
    private String nit;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** Fluent setter for {@code email}. */
    public CustomerRequest email(String email) {
        this.email = email;
        return this;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    /** Fluent setter for {@code full_name}. */
    public CustomerRequest fullName(String fullName) {
        this.fullName = fullName;
        return this;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Fluent setter for {@code name}. */
    public CustomerRequest name(String name) {
        this.name = name;
        return this;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    /** Fluent setter for {@code phone}. */
    public CustomerRequest phone(String phone) {
        this.phone = phone;
        return this;
    }

    public Object getAddress() {
        return address;
    }

    public void setAddress(Object address) {
        this.address = address;
    }

    /** Fluent setter for {@code address}. */
    public CustomerRequest address(Object address) {
        this.address = address;
        return this;
    }

    public String getNit() {
        return nit;
    }

    public void setNit(String nit) {
        this.nit = nit;
    }

    /** Fluent setter for {@code nit}. */
    public CustomerRequest nit(String nit) {
        this.nit = nit;
        return this;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /** Fluent setter for {@code metadata}. */
    public CustomerRequest metadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    /** A customer with the given email. */
    public static CustomerRequest of(String email) {
        return new CustomerRequest().email(email);
    }

    /** Puts a metadata entry ({@code null} value = delete the key on update). */
    public CustomerRequest putMetadata(String key, Object value) {
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        metadata.put(key, value);
        return this;
    }
}
