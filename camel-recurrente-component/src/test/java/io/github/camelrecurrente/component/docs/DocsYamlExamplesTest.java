package io.github.camelrecurrente.component.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every YAML route example of the generated operation reference loads and starts, and names the operation it is
 * the example of.
 */
class DocsYamlExamplesTest {

    @Test
    void generatedYamlExamplesLoadAndStart() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "component.md"), StandardCharsets.UTF_8);
        String generated = doc.substring(doc.indexOf(ComponentReferenceDocTest.BEGIN));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(generated);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertTrue(blocks.size() >= 35, "one YAML example per operation, found " + blocks.size());
        try (CamelContext context = new DefaultCamelContext()) {
            RecurrenteComponent c = context.getComponent("recurrente", RecurrenteComponent.class);
            c.getConfiguration().setSecretKey("sk_test_docs");
            c.getConfiguration().setBaseUrl("http://127.0.0.1:9/api");
            for (int i = 0; i < blocks.size(); i++) {
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(ResourceHelper.fromBytes(
                                "doc-example-" + i + ".yaml", blocks.get(i).getBytes(StandardCharsets.UTF_8)));
            }
            context.start();
            assertEquals(blocks.size(), context.getRoutes().size());
            int recurrenteEndpoints = 0;
            for (Endpoint e : context.getEndpoints()) {
                if (e instanceof RecurrenteEndpoint re) {
                    recurrenteEndpoints++;
                    assertTrue(
                            context.hasEndpoint(
                                            "direct:" + re.getConfiguration().getOperation())
                                    != null,
                            "example route for " + re.getConfiguration().getOperation());
                }
            }
            assertEquals(blocks.size(), recurrenteEndpoints);
        }
    }
}
