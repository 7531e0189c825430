package io.github.camelrecurrente.component.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One naming scheme for the component's options: durations are durations (java.time.Duration, written as Camel's
 * text {@code 10s}, {@code 500ms}, {@code 1m}; never a number of seconds or milliseconds in the name or the default),
 * and the property files of the component's and the starter's documentation use the kebab-case names under
 * {@code camel.component.recurrente.} and {@code camel.recurrente.server.}.
 */
class OptionNamingTest {

    private static final Pattern CAMEL_DURATION = Pattern.compile("(\\d+(ms|s|m|h|d))+");
    private static final Pattern UNIT_IN_NAME = Pattern.compile(".*(Seconds|Secs|Millis|Ms|Minutes)$");
    private static final Pattern PROPERTY_LINE = Pattern.compile(
            "^(camel\\.component\\.recurrente[a-z0-9-]*|camel\\.recurrente)\\.([^\\s=:]+)\\s*[=:]", Pattern.MULTILINE);

    @Test
    void durationOptionsAreDurationsWithCamelTextDefaults() throws Exception {
        JsonNode json = ComponentReference.componentJson();
        List<String> wrong = new ArrayList<>();
        for (String section : new String[] {"componentProperties", "properties"}) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.get(section).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> option = it.next();
                String name = option.getKey();
                JsonNode meta = option.getValue();
                if (UNIT_IN_NAME.matcher(name).matches()) {
                    wrong.add(section + "." + name + ": a unit in the name (make it a duration)");
                }
                if ("duration".equals(meta.path("type").asText()) && meta.has("defaultValue")) {
                    String value = meta.get("defaultValue").asText();
                    if (!CAMEL_DURATION.matcher(value).matches()) {
                        wrong.add(section + "." + name + ": default " + value + " is not Camel's text (10s, 500ms)");
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void documentedPropertiesAreKebabCase() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String doc : new String[] {
            "component.md", "spring-boot.md", "operations.md", "polling.md", "receiving-events.md", "kamelets.md"
        }) {
            String text = Files.readString(Path.of("..", "docs", doc), StandardCharsets.UTF_8);
            Matcher m = PROPERTY_LINE.matcher(text);
            while (m.find()) {
                if (!m.group(2).matches("[a-z0-9.-]+")) {
                    wrong.add(doc + ": " + m.group(1) + "." + m.group(2));
                }
            }
        }
        assertTrue(wrong.isEmpty(), "property names not in kebab case: " + wrong);
    }
}
