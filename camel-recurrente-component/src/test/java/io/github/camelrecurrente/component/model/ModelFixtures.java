package io.github.camelrecurrente.component.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test helpers: fixtures (documented ones in the repository's {@code contract/}, synthetic ones in {@code model/})
 * and JSON comparison.
 */
public final class ModelFixtures {

    private ModelFixtures() {}

    /**
     * A fixture: a documented example from the repository's {@code contract/} folder (a test resource under
     * {@code /contract/}), or a synthetic one under {@code src/test/resources/model/}.
     */
    public static byte[] bytes(String path) {
        InputStream found = ModelFixtures.class.getResourceAsStream("/contract/" + path);
        if (found == null) {
            found = ModelFixtures.class.getResourceAsStream("/model/" + path);
        }
        try (InputStream in = found) {
            assertNotNull(in, "missing fixture /contract/" + path + " or /model/" + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String path) {
        try {
            return RecurrenteJson.mapper().readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String path, Class<T> type) {
        try {
            return RecurrenteJson.mapper().readValue(bytes(path), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serialises with the shared mapper to text and reads it back as a tree (normalises number node types). */
    public static JsonNode toTree(Object value) {
        try {
            return RecurrenteJson.mapper().readTree(RecurrenteJson.mapper().writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes null-valued object fields, recursively (NON_NULL serialisation omits them). */
    public static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode) {
            ((ObjectNode) node).properties().removeIf(e -> e.getValue().isNull());
            node.forEach(ModelFixtures::strip);
        } else if (node instanceof ArrayNode) {
            node.forEach(ModelFixtures::strip);
        }
    }

    /**
     * Semantic equality of JSON values: numbers by value (a numeric string equals the number), date-times by instant
     * and offset (so {@code .260Z} equals {@code .26Z}, but {@code -06:00} never equals {@code Z}).
     */
    public static final Comparator<JsonNode> SEMANTIC = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isValueNode() && b.isValueNode()) {
            BigDecimal na = number(a);
            BigDecimal nb = number(b);
            if (na != null && nb != null) {
                return na.compareTo(nb);
            }
            if (a.isTextual() && b.isTextual()) {
                OffsetDateTime da = date(a.asText());
                OffsetDateTime db = date(b.asText());
                if (da != null && db != null && da.isEqual(db) && da.getOffset().equals(db.getOffset())) {
                    return 0;
                }
            }
        }
        return 1;
    };

    private static BigDecimal number(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            try {
                return new BigDecimal(n.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static OffsetDateTime date(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Asserts that {@code actual} is semantically the same JSON as {@code expected} once nulls are removed from both. */
    public static void assertSameJson(JsonNode expected, JsonNode actual) {
        JsonNode e = withoutNulls(expected);
        JsonNode a = withoutNulls(actual);
        assertTrue(e.equals(SEMANTIC, a), () -> "JSON differs\nexpected: " + e + "\nactual:   " + a);
    }

    /** Asserts exact JSON tree equality (request bodies: types and names must match). */
    public static void assertExactJson(JsonNode expected, JsonNode actual) {
        assertTrue(expected.equals(actual), () -> "JSON differs\nexpected: " + expected + "\nactual:   " + actual);
    }
}
