package io.github.camelrecurrente.component.kamelets;

import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three Kamelets are plain files in the repository's top-level {@code kamelets/} folder, where Kaoto, Camel K and
 * {@code camel run} take Kamelet files from, with the catalog's annotations; the jar's copies
 * ({@code classpath:kamelets/}) are the same bytes, and both name this build's version.
 */
class KameletFilesTest {

    private static final Path FOLDER =
            Path.of("..", "kamelets").toAbsolutePath().normalize();
    private static final Map<String, String> TYPES = Map.of(
            "recurrente-action", "action",
            "recurrente-events-source", "source",
            "recurrente-paid-checkouts-source", "source");

    private static String projectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(pom);
        assertTrue(m.find(), "the component POM names its parent's version");
        return m.group(1);
    }

    private static Map<String, Path> files() throws Exception {
        Map<String, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(FOLDER, "*.kamelet.yaml")) {
            for (Path p : dir) {
                files.put(p.getFileName().toString().replace(".kamelet.yaml", ""), p);
            }
        }
        return files;
    }

    @Test
    void theFolderHoldsTheThreeKameletsWithTheCatalogsAnnotations() throws Exception {
        Map<String, Path> files = files();
        assertEquals(TYPES.keySet(), files.keySet(), "kamelets/ at " + FOLDER);
        String version = projectVersion();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            String yaml = Files.readString(e.getValue());
            String name = e.getKey();
            assertTrue(yaml.contains("kind: Kamelet"), name);
            assertTrue(yaml.contains("\n  name: " + name + "\n"), name + ": metadata.name is the file name");
            for (String annotation : new String[] {
                "camel.apache.org/kamelet.support.level:",
                "camel.apache.org/catalog.version: \"" + version + "\"",
                "camel.apache.org/kamelet.icon: \"data:image/svg+xml;base64,",
                "camel.apache.org/provider:",
                "camel.apache.org/kamelet.group:",
                "camel.apache.org/kamelet.namespace:",
                "camel.apache.org/kamelet.type: \"" + TYPES.get(name) + "\""
            }) {
                assertTrue(yaml.contains(annotation), name + " has " + annotation);
            }
            assertTrue(
                    yaml.contains("\"mvn:io.github.camelrecurrente:camel-recurrente:" + version + "\""),
                    name + " depends on this version of the component");
            assertTrue(!yaml.contains("@project.version@"), name + " is a plain file, usable as it is");
        }
    }

    @Test
    void theJarCarriesTheSameBytes() throws Exception {
        for (Map.Entry<String, Path> e : files().entrySet()) {
            String resource = "/kamelets/" + e.getKey() + ".kamelet.yaml";
            try (InputStream in = getClass().getResourceAsStream(resource)) {
                assertNotNull(in, resource + " on the classpath");
                assertArrayEquals(Files.readAllBytes(e.getValue()), in.readAllBytes(), resource);
            }
        }
    }
}
