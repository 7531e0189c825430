package io.github.camelrecurrente.springboot;

import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter's Spring configuration metadata (written by spring-boot-configuration-processor) lists every option of
 * the component's generated metadata, with the same description and default, and nothing else but the starter's
 * own enabled/customizer switches. When the component gains or renames an option, this test names it.
 */
class RecurrenteComponentConfigurationTest {

    private static final String PREFIX = "camel.component.recurrente.";

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = RecurrenteComponentConfigurationTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String normalize(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    @Test
    void everyComponentOptionIsASpringPropertyWithItsDescriptionAndDefault() throws Exception {
        JsonNode component = read("/META-INF/io/github/camelrecurrente/component/recurrente.json")
                .get("componentProperties");
        Map<String, JsonNode> spring = new LinkedHashMap<>();
        for (JsonNode p : read("/META-INF/spring-configuration-metadata.json").get("properties")) {
            spring.put(p.get("name").asText(), p);
        }
        TreeSet<String> missing = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = component.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            String property = PREFIX + kebab(option.getKey());
            JsonNode meta = spring.remove(property);
            if (meta == null) {
                missing.add(option.getKey() + " ("
                        + option.getValue().get("javaType").asText() + ")");
                continue;
            }
            String description = normalize(option.getValue().get("description").asText());
            assertTrue(
                    normalize(meta.path("description").asText()).startsWith(description),
                    property + " describes itself as the component does: "
                            + meta.path("description").asText());
            JsonNode componentDefault = option.getValue().get("defaultValue");
            if (componentDefault != null) {
                assertEquals(
                        componentDefault.asText(), meta.path("defaultValue").asText(), property + " default");
            } else {
                assertTrue(meta.path("defaultValue").isMissingNode(), property + " has no default");
            }
        }
        assertTrue(
                missing.isEmpty(),
                "component options without a Spring property in "
                        + "RecurrenteComponentConfiguration: " + missing + "; regenerate it with python3 "
                        + "camel-recurrente-spring-boot-starter/src/build/generate-configuration.py");
        spring.keySet().removeIf(k -> !k.startsWith(PREFIX));
        spring.remove(PREFIX + "enabled");
        spring.remove(PREFIX + "customizer.enabled");
        assertTrue(spring.isEmpty(), "Spring properties that are no component option: " + spring.keySet());
    }

    @Test
    void httpServerPropertiesAreDescribed() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode p : read("/META-INF/spring-configuration-metadata.json").get("properties")) {
            if (p.get("name").asText().startsWith("camel.recurrente.server.")) {
                names.add(p.get("name").asText());
                assertTrue(p.path("description").asText().length() > 20, p.toString());
            }
        }
        assertEquals(
                new TreeSet<>(List.of(
                        "camel.recurrente.server.enabled",
                        "camel.recurrente.server.host",
                        "camel.recurrente.server.max-body-size",
                        "camel.recurrente.server.path",
                        "camel.recurrente.server.port")),
                names);
    }
}
