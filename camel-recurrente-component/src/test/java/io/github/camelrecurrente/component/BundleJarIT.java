package io.github.camelrecurrente.component;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after {@code package}: the jar is an OSGi bundle carrying Camel's discovery files and the component JSON (the
 * Karaf features.xml is checked by KarafFeaturesTest).
 */
class BundleJarIT {

    private static File file(String property) {
        String path = System.getProperty(property);
        assertNotNull(path, property + " is set by the failsafe configuration");
        File f = new File(path);
        assertTrue(f.isFile(), "missing " + f);
        return f;
    }

    @Test
    void jarIsAnOsgiBundleWithCamelMetadata() throws Exception {
        try (JarFile jar = new JarFile(file("recurrente.jar.file"))) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest.getMainAttributes();
            assertEquals("io.github.camelrecurrente.camel-recurrente", main.getValue("Bundle-SymbolicName"));
            assertEquals("2", main.getValue("Bundle-ManifestVersion"));
            String imports = main.getValue("Import-Package");
            assertTrue(imports.contains("org.apache.camel;version=\"[4.18,4.19)\""), imports);
            assertTrue(imports.contains("org.apache.camel.component.webhook;version=\"[4.18,4.19)\""), imports);
            String exports = main.getValue("Export-Package");
            for (String pkg : new String[] {
                "io.github.camelrecurrente.component;", "io.github.camelrecurrente.component.model;",
                "io.github.camelrecurrente.component.model.event;", "io.github.camelrecurrente.component.paging;"
            }) {
                assertTrue(exports.contains(pkg), pkg + " exported: " + exports);
            }
            // internal packages are in the bundle but not exported
            for (String cls : new String[] {
                "client/RecurrenteApi", "polling/RecurrentePollingConsumer", "webhook/RecurrenteWebhook"
            }) {
                String pkg = cls.substring(0, cls.indexOf('/'));
                assertFalse(
                        exports.contains("io.github.camelrecurrente.component." + pkg),
                        pkg + " not exported: " + exports);
                assertNotNull(
                        jar.getEntry("io/github/camelrecurrente/component/" + cls + ".class"),
                        pkg + " is in the bundle");
            }
            assertTrue(main.getValue("Bundle-Version").startsWith("0.1.0"), main.getValue("Bundle-Version"));

            ZipEntry service = jar.getEntry("META-INF/services/org/apache/camel/component/recurrente");
            assertNotNull(service, "component discovery file");
            try (InputStream in = jar.getInputStream(service)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.contains("class=io.github.camelrecurrente.component.RecurrenteComponent"), text);
            }
            for (String entry : new String[] {
                "META-INF/services/org/apache/camel/configurer/recurrente-component",
                "META-INF/services/org/apache/camel/configurer/recurrente-endpoint",
                "META-INF/services/org/apache/camel/urifactory/recurrente-endpoint",
                "META-INF/io/github/camelrecurrente/component/recurrente.json",
                "io/github/camelrecurrente/component/RecurrenteEndpointConfigurer.class",
                "io/github/camelrecurrente/component/RecurrenteComponentConfigurer.class",
                "io/github/camelrecurrente/component/RecurrenteEndpointUriFactory.class",
                "META-INF/services/org/apache/camel/TypeConverterLoader",
                "io/github/camelrecurrente/component/converter/RecurrenteTypeConvertersLoader.class",
                "kamelets/recurrente-events-source.kamelet.yaml",
                "kamelets/recurrente-action.kamelet.yaml",
                "kamelets/recurrente-paid-checkouts-source.kamelet.yaml"
            }) {
                assertNotNull(jar.getEntry(entry), "jar contains " + entry);
            }
            try (InputStream in =
                    jar.getInputStream(jar.getEntry("META-INF/io/github/camelrecurrente/component/recurrente.json"))) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(json.contains("\"scheme\": \"recurrente\""), "component JSON names the scheme");
                assertTrue(json.contains("\"secretKey\""), "component JSON lists the options");
            }
        }
    }
}
