package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /users}.
 */
public class UserRequest extends RecurrenteObject {

    @JsonProperty("email")
    private String email;

    @JsonProperty("full_name")
    private String fullName;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** Fluent setter for {@code email}. */
    public UserRequest email(String email) {
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
    public UserRequest fullName(String fullName) {
        this.fullName = fullName;
        return this;
    }

    /** A user with the given email and full name. */
    public static UserRequest of(String email, String fullName) {
        return new UserRequest().email(email).fullName(fullName);
    }
}
