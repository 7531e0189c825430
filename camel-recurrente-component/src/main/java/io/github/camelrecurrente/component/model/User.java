package io.github.camelrecurrente.component.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A (legacy) user ({@code us_...}) as answered by {@code POST /users}.
 */
public class User extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;

    @JsonProperty("email")
    private String email;

    @JsonProperty("full_name")
    private String fullName;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id;
    }
}
