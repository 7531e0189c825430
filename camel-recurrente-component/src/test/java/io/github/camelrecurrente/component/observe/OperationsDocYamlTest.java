package io.github.camelrecurrente.component.observe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The YAML routes of docs/operations.md and of the hand-written part of docs/component.md load, and every endpoint
 * they name resolves (so each option name and value in them is valid).
 */
class OperationsDocYamlTest {

    private static final String GENERATED = "<!-- BEGIN GENERATED REFERENCE";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}:]+)}}");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void yamlRoutesLoadAndTheirEndpointsResolve() throws Exception {
        List<String> blocks = new ArrayList<>();
        blocks.addAll(routeBlocks(Files.readString(Path.of("..", "docs", "operations.md"), StandardCharsets.UTF_8)));
        String component = Files.readString(Path.of("..", "docs", "component.md"), StandardCharsets.UTF_8);
        blocks.addAll(routeBlocks(component.substring(0, component.indexOf(GENERATED))));
        assertTrue(blocks.size() >= 6, "found " + blocks.size());
        int endpoints = 0;
        for (int i = 0; i < blocks.size(); i++) {
            try (DefaultCamelContext ctx = new DefaultCamelContext()) {
                RecurrenteComponent c = ctx.getComponent("recurrente", RecurrenteComponent.class);
                c.getConfiguration().setSecretKey("sk_test_docs");
                c.getConfiguration().setBaseUrl("http://127.0.0.1:9/api");
                Matcher placeholders = PLACEHOLDER.matcher(blocks.get(i));
                while (placeholders.find()) { // a valid value for each {{name}} the example uses
                    String name = placeholders.group(1);
                    ctx.getPropertiesComponent()
                            .addInitialProperty(
                                    name, name.contains("webhook") ? SvixSigner.newSecret() : "sk_test_docs");
                }
                try {
                    PluginHelper.getRoutesLoader(ctx)
                            .loadRoutes(ResourceHelper.fromString("doc-" + i + ".yaml", blocks.get(i)));
                    for (RouteDefinition route : ctx.getRouteDefinitions()) {
                        ctx.getEndpoint(
                                ctx.resolvePropertyPlaceholders(route.getInput().getEndpointUri()));
                        endpoints++;
                        for (ProcessorDefinition<?> step : route.getOutputs()) {
                            if (step instanceof ToDefinition to) {
                                ctx.getEndpoint(ctx.resolvePropertyPlaceholders(to.getEndpointUri()));
                                endpoints++;
                            }
                        }
                    }
                } catch (Exception e) {
                    fail("YAML example #" + i + " does not work: " + e + "\n" + blocks.get(i), e);
                }
            }
        }
        assertTrue(endpoints >= blocks.size(), "resolved " + endpoints + " endpoints");
    }

    private static List<String> routeBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(markdown);
        while (m.find()) {
            if (m.group(1).contains("- route:")) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
