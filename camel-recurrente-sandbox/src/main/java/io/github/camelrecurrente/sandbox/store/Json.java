package io.github.camelrecurrente.sandbox.store;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shared JSON helpers (one Jackson mapper for the whole sandbox). Internal. */
public final class Json {

    /** The sandbox-wide mapper; thread safe once configured. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private Json() {}

    /** @return a new empty JSON object */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a new empty JSON array */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Serialises a node to UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise JSON", e);
        }
    }

    /** Serialises a node to a string. */
    public static String string(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise JSON", e);
        }
    }

    /** Parses bytes into a tree; throws {@link IllegalArgumentException} on malformed JSON. */
    public static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a string into a tree; throws {@link IllegalArgumentException} on malformed JSON. */
    public static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed JSON: " + e.getMessage(), e);
        }
    }

    /** Converts a JSON object into plain Java maps/lists (a deep copy). */
    public static Map<String, Object> toMap(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() {});
    }

    /** Converts any plain Java value into a JSON tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Text of a field or {@code null} when absent / JSON null. Numbers are rendered as text. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
