package io.github.camelrecurrente.examples.arch;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.github.camelrecurrente.examples.RecurrenteExamplesApp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML routes live in {@code routes/<concern>/}, and {@code camel.main.routes-include-pattern} names each of those
 * folders (one pattern per folder: a {@code **} pattern does not resolve inside the runnable jar), so a route file in
 * a new folder cannot be left out unnoticed, nor a file left at the top of {@code routes/}.
 */
class RouteFoldersTest {

    @Test
    void theIncludePatternNamesEveryRouteFolder() throws Exception {
        Properties props = new Properties();
        try (InputStream in =
                RecurrenteExamplesApp.class.getClassLoader().getResourceAsStream("application.properties")) {
            props.load(in);
        }
        List<String> patterns = Arrays.stream(
                        props.getProperty("camel.main.routes-include-pattern").split(","))
                .map(String::trim)
                .sorted()
                .toList();
        Path routes = classes().resolve("routes");
        List<String> folders;
        List<Path> loose;
        try (Stream<Path> entries = Files.list(routes)) {
            List<Path> all = entries.toList();
            folders = all.stream()
                    .filter(Files::isDirectory)
                    .map(d -> "classpath:routes/" + d.getFileName() + "/*.yaml")
                    .sorted()
                    .toList();
            loose = all.stream().filter(Files::isRegularFile).toList();
        }
        assertTrue(folders.size() >= 7, "the concern folders: " + folders);
        assertEquals(folders, patterns);
        assertEquals(List.of(), loose, "route files belong in routes/<concern>/");
    }

    private static Path classes() throws URISyntaxException {
        return Path.of(RecurrenteExamplesApp.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }
}
