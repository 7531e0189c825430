package io.github.camelrecurrente.component.polling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every YAML example of docs/polling.md loads and its routes start (options and URIs are valid). */
class PollingDocsYamlTest extends PollingTestSupport {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void yamlExamplesOfTheDocsLoadAndStart() throws Exception {
        Path doc = Path.of("..", "docs", "polling.md");
        assertTrue(Files.exists(doc), "docs/polling.md next to the module: " + doc.toAbsolutePath());
        String text = Files.readString(doc);
        List<String> blocks = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty());
        int checked = 0;
        for (int i = 0; i < blocks.size(); i++) {
            String yaml = blocks.get(i);
            if (yaml.contains("org.postgresql")) {
                continue; // needs a database driver
            }
            yaml = yaml.replace("/var/lib/myapp/", dir.toString().replace("\\", "/") + "/")
                    .replace("{{env:RECURRENTE_SECRET_KEY}}", SK);
            CamelContext ctx = newContext();
            if (!yaml.contains("name: recurrenteState")) {
                ctx.getRegistry().bind("recurrenteState", new MemoryStateRepository());
            }
            ctx.getRegistry().bind("paidCheckouts", new MemoryIdempotentRepository());
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setRoot(dir.resolve("cluster" + i).toString());
            cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
            ctx.addService(cluster);
            try {
                PluginHelper.getRoutesLoader(ctx)
                        .loadRoutes(ResourceHelper.fromString("polling-doc-" + i + ".yaml", yaml));
                ctx.start();
            } catch (Exception e) {
                fail("YAML example #" + i + " of docs/polling.md does not work: " + e + "\n" + yaml, e);
            } finally {
                ctx.stop();
            }
            checked++;
        }
        assertTrue(checked >= 5, "checked " + checked + " YAML examples");
    }
}
