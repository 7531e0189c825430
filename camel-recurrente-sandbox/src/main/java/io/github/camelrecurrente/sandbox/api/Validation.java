package io.github.camelrecurrente.sandbox.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.store.Times;

/** Input rules shared by the endpoints (each failure is a 422). */
final class Validation {

    static final Set<String> CURRENCIES = Set.of("GTQ", "USD");
    static final int MAX_METADATA_KEYS = 50;
    static final int MAX_METADATA_KEY_LENGTH = 40;
    static final int MAX_METADATA_VALUE_LENGTH = 500;

    private Validation() {}

    /** Checks {@code metadata}; returns it as an object (empty object for absent/null). */
    static ObjectNode metadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return io.github.camelrecurrente.sandbox.store.Json.object();
        }
        if (!(metadata instanceof ObjectNode obj)) {
            throw ApiException.invalid("metadata", "debe ser un objeto");
        }
        if (obj.size() > MAX_METADATA_KEYS) {
            throw ApiException.invalid(
                    "metadata", "puede tener como máximo " + MAX_METADATA_KEYS + " keys (tiene " + obj.size() + ")");
        }
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().length() > MAX_METADATA_KEY_LENGTH) {
                throw ApiException.invalid(
                        "metadata",
                        "los nombres de keys pueden tener como máximo " + MAX_METADATA_KEY_LENGTH + " caracteres ('"
                                + e.getKey().substring(0, 10) + "...')");
            }
            JsonNode v = e.getValue();
            String text = v.isValueNode() ? v.asText() : v.toString();
            if (text.length() > MAX_METADATA_VALUE_LENGTH) {
                throw ApiException.invalid(
                        "metadata",
                        "los valores pueden tener como máximo " + MAX_METADATA_VALUE_LENGTH + " caracteres (key '"
                                + e.getKey() + "')");
            }
        }
        return obj.deepCopy();
    }

    /** Checks a currency. */
    static String currency(JsonNode node, String field) {
        String c = node == null || node.isNull() ? null : node.asText();
        if (c == null || !CURRENCIES.contains(c)) {
            throw ApiException.invalid(field, "debe ser GTQ o USD" + (c == null ? "" : " (recibido: " + c + ")"));
        }
        return c;
    }

    /** Reads an integer that may be sent as a number or numeric text; {@code null} when absent. */
    static Long integer(JsonNode node, String field) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalid(field, "debe ser un número entero (recibido: " + node.asText() + ")");
            }
        }
        if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble())) {
            return node.asLong();
        }
        throw ApiException.invalid(field, "debe ser un número entero");
    }

    /** Checks an item quantity (1..9, default 1). */
    static int quantity(JsonNode node) {
        Long q = integer(node, "quantity");
        if (q == null) {
            return 1;
        }
        if (q < 1 || q > 9) {
            throw ApiException.invalid("quantity", "debe estar entre 1 y 9 (recibido: " + q + ")");
        }
        return q.intValue();
    }

    /** Minimum inline amount: Q5.00 (500) for GTQ, $1.00 (100) for USD. */
    static long minimumAmount(String currency) {
        return "USD".equals(currency) ? 100 : 500;
    }

    /**
     * Checks an inline amount against the currency minimum; with {@code zeroAllowed} also 0 (the card-update item of
     * the update-subscription-card guide: {@code amount_in_cents: 0}, {@code charge_type: "one_time"}).
     */
    static long amount(JsonNode node, String currency, boolean zeroAllowed) {
        Long amount = integer(node, "amount_in_cents");
        if (amount == null) {
            throw ApiException.invalid("amount_in_cents", "es requerido");
        }
        if (amount == 0 && zeroAllowed) {
            return 0;
        }
        long min = minimumAmount(currency);
        if (amount < min) {
            throw ApiException.invalid(
                    "amount_in_cents",
                    "debe ser al menos " + min + " centavos para " + currency
                            + (zeroAllowed ? ", o 0 en un item one_time para solo guardar la tarjeta" : "")
                            + " (recibido: " + amount + ")");
        }
        return amount;
    }

    /**
     * Reads a percentage: a number or numeric text, decimals allowed (the reference shows {@code 1.1}), above 0 and at
     * most 100; {@code null} when absent. Integral values stay integers on the wire.
     */
    static JsonNode percent(JsonNode node, String field) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                value = new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalid(field, "debe ser un número (recibido: " + node.asText() + ")");
            }
        } else {
            throw ApiException.invalid(field, "debe ser un número");
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ApiException.invalid(
                    field, "debe ser mayor que 0 y como máximo 100 (recibido: " + value.toPlainString() + ")");
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? LongNode.valueOf(plain.longValueExact()) : DecimalNode.valueOf(plain);
    }

    /** Parses an optional ISO-8601 field. */
    static Instant time(JsonNode node, String field) {
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            return null;
        }
        return time(node.asText(), field);
    }

    /** Parses an ISO-8601 value. */
    static Instant time(String text, String field) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Times.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "debe ser una fecha ISO 8601 (recibido: " + text + ")");
        }
    }

    /** A required non-blank text field. */
    static String required(JsonNode node, String field) {
        String v = node == null || node.isNull() ? null : node.asText();
        if (v == null || v.isBlank()) {
            throw ApiException.invalid(field, "es requerido");
        }
        return v;
    }

    /** One of a set of values, or the default when absent. */
    static String oneOf(JsonNode node, String field, String dflt, Set<String> allowed) {
        String v = node == null || node.isNull() || node.asText().isEmpty() ? dflt : node.asText();
        if (v != null && !allowed.contains(v)) {
            throw ApiException.invalid(field, "debe ser uno de " + allowed + " (recibido: " + v + ")");
        }
        return v;
    }
}
