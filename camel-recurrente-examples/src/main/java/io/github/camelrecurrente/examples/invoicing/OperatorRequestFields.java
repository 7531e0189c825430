package io.github.camelrecurrente.examples.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.examples.ledger.RequestRefusedException;

/** Reads the fields of an operator's JSON request to the invoicing side (replay, cancellation) by one rule. */
final class OperatorRequestFields {

    private OperatorRequestFields() {}

    /**
     * @return the field's text without surrounding blanks, or null when absent, null or blank
     * @throws RequestRefusedException 400 naming the field when it is not a string
     */
    static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new RequestRefusedException(400, "invalid_request", field, field + " is a string");
        }
        return v.asText().isBlank() ? null : v.asText().strip();
    }
}
