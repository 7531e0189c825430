package io.github.camelrecurrente.component.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/component.md carries the reference generated from the component JSON; this test fails when the two differ.
 * Regenerate with {@code mvn -pl camel-recurrente-component test -Dtest=ComponentReferenceDocTest -Drecurrente.docs.update=true}.
 */
class ComponentReferenceDocTest {

    static final String BEGIN = "<!-- BEGIN GENERATED REFERENCE: do not edit, see ComponentReferenceDocTest -->";
    static final String END = "<!-- END GENERATED REFERENCE -->";

    private static Path docFile() {
        Path p = Path.of("..", "docs", "component.md").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(p), "docs/component.md exists at " + p);
        return p;
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode json = ComponentReference.componentJson();
        for (String section : new String[] {"componentProperties", "properties", "headers"}) {
            Iterator<Map.Entry<String, JsonNode>> it = json.get(section).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                assertFalse(
                        e.getValue().path("description").asText().isBlank(),
                        section + "." + e.getKey() + " has a description");
            }
        }
        assertFalse(json.path("component").path("description").asText().isBlank());
    }

    @Test
    void everyOperationIsDocumented() {
        assertTrue(ComponentReference.undocumented().isEmpty(), "undocumented: " + ComponentReference.undocumented());
    }

    @Test
    void docsMatchTheGeneratedReference() throws Exception {
        Path file = docFile();
        String doc = Files.readString(file, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/component.md has the generated block markers");
        String generated = "\n" + ComponentReference.render() + "\n";
        String current = doc.substring(begin + BEGIN.length(), end);
        if (!generated.equals(current) && Boolean.getBoolean("recurrente.docs.update")) {
            Files.writeString(
                    file,
                    doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(
                generated,
                current,
                "docs/component.md is out of date: run this test with"
                        + " -Drecurrente.docs.update=true and commit the result");
    }
}
