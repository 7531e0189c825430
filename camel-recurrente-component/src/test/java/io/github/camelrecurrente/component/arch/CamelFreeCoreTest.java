package io.github.camelrecurrente.component.arch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.client.RecurrenteApi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core packages (client, model, model.event, paging) compile without Camel: no class file of theirs names a type
 * of {@code org.apache.camel} or of the component's root package (the Camel layer) in its constant pool, so the
 * dependency cannot come back unnoticed. The check reads the compiled classes as they are.
 */
class CamelFreeCoreTest {

    private static final String ROOT = "io/github/camelrecurrente/component/";
    private static final List<String> CORE = List.of("client", "model", "model/event", "paging");
    /** A class name in the root package: the root path followed directly by a class name. */
    private static final Pattern ROOT_CLASS = Pattern.compile(Pattern.quote(ROOT) + "([A-Z][A-Za-z0-9_$]*)");

    @Test
    void coreClassesReferenceNeitherCamelNorTheRootPackage() throws Exception {
        Path classes = classesDir();
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        for (String pkg : CORE) {
            Path dir = classes.resolve(ROOT + pkg);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    scanned++;
                    String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    if (pool.contains("org/apache/camel/")) {
                        offences.add(classes.relativize(file) + " references org.apache.camel");
                    }
                    Matcher m = ROOT_CLASS.matcher(pool);
                    while (m.find()) {
                        offences.add(classes.relativize(file) + " references the root package: " + m.group(1));
                    }
                }
            }
        }
        assertTrue(scanned > 60, "scanned the core classes: " + scanned);
        assertEquals(List.of(), offences);
    }

    @Test
    void theCheckSeesARootPackageReference() throws Exception {
        // the same scan on a Camel-layer class finds what it must (so the test above cannot pass vacuously)
        Path classes = classesDir();
        String endpoint = new String(
                Files.readAllBytes(classes.resolve(ROOT + "RecurrenteEndpoint.class")), StandardCharsets.ISO_8859_1);
        assertTrue(endpoint.contains("org/apache/camel/"));
        assertTrue(ROOT_CLASS.matcher(endpoint).find());
    }

    private static Path classesDir() throws URISyntaxException, IOException {
        Path api = Path.of(RecurrenteApi.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path root = Path.of(RecurrenteComponent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertEquals(root, api, "client and component come from one classes directory");
        assertTrue(Files.isDirectory(api), "tests run against target/classes: " + api);
        return api;
    }
}
