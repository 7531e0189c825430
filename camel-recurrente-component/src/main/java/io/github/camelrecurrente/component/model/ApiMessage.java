package io.github.camelrecurrente.component.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A {@code {"message": ...}} answer: {@code GET /test} ({@code "Hello <account> 🌎"}),
 * {@code DELETE /subscriptions/{id}} ({@code "Suscripción cancelada"}), and error bodies ({@code errors}: field &rarr; messages).
 */
public class ApiMessage extends RecurrenteObject {

    @JsonProperty("message")
    private String message;

    @JsonProperty("errors")
    private Map<String, Object> errors;

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Map<String, Object> getErrors() {
        return errors;
    }

    public void setErrors(Map<String, Object> errors) {
        this.errors = errors;
    }

    @Override
    protected String toStringFields() {
        return "message=" + message;
    }
}
