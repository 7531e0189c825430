package io.github.camelrecurrente.examples.invoicing.fel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FEL package uses the JDK, Jackson and SLF4J only: no Camel, no JDBC, nothing else of the bundle but the plain-JDK
 * rule for durations ({@code ledger.DurationProperty}). Reads the
 * compiled classes' constant pools (class references appear there as {@code org/apache/camel/...}).
 */
class FelPackageIsCamelFreeTest {

    @Test
    void onlyJdkJacksonAndSlf4j() throws Exception {
        Path dir = Path.of(FelDocuments.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("io/github/camelrecurrente/examples/invoicing/fel");
        List<String> offences = new ArrayList<>();
        int classes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                classes++;
                String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String forbidden : List.of(
                        "org/apache/camel",
                        "java/sql",
                        "javax/sql",
                        "io/github/camelrecurrente/component",
                        "io/github/camelrecurrente/sandbox",
                        "io/github/camelrecurrente/examples/standins")) {
                    if (pool.contains(forbidden)) {
                        offences.add(f.getFileName() + " refers to " + forbidden);
                    }
                }
                int at = pool.indexOf("io/github/camelrecurrente/examples/");
                while (at >= 0) {
                    String ref = pool.substring(at, Math.min(pool.length(), at + 60));
                    // the bundle's one rule for durations, plain JDK (DurationProperty)
                    assertTrue(
                            ref.startsWith("io/github/camelrecurrente/examples/invoicing/fel")
                                    || ref.startsWith("io/github/camelrecurrente/examples/ledger/DurationProperty"),
                            f + ": " + ref);
                    at = pool.indexOf("io/github/camelrecurrente/examples/", at + 1);
                }
            }
        }
        assertTrue(classes > 20, "classes found: " + classes);
        assertEquals(List.of(), offences);
    }
}
