package io.github.camelrecurrente.component;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after {@code package}: the jar is an OSGi bundle carrying Camel's discovery files and the component JSON, and
 * the attached Karaf features.xml is well-formed and names the bundle.
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
                    "io.github.camelrecurrente.component.model.event;", "io.github.camelrecurrente.component.paging;" }) {
                assertTrue(exports.contains(pkg), pkg + " exported: " + exports);
            }
            // internal packages are in the bundle but not exported
            for (String cls : new String[] {
                    "client/RecurrenteApi", "polling/RecurrentePollingConsumer", "webhook/RecurrenteWebhook" }) {
                String pkg = cls.substring(0, cls.indexOf('/'));
                assertFalse(exports.contains("io.github.camelrecurrente.component." + pkg), pkg + " not exported: "
                                                                                           + exports);
                assertNotNull(jar.getEntry("io/github/camelrecurrente/component/" + cls + ".class"),
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
                    "io/github/camelrecurrente/component/RecurrenteEndpointUriFactory.class" }) {
                assertNotNull(jar.getEntry(entry), "jar contains " + entry);
            }
            try (InputStream in = jar.getInputStream(jar.getEntry(
                    "META-INF/io/github/camelrecurrente/component/recurrente.json"))) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(json.contains("\"scheme\": \"recurrente\""), "component JSON names the scheme");
                assertTrue(json.contains("\"secretKey\""), "component JSON lists the options");
            }
        }
    }

    @Test
    void featuresXmlIsWellFormedAndNamesTheBundle() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(file("recurrente.features.file"));
        Element root = doc.getDocumentElement();
        assertEquals("features", root.getLocalName());
        assertEquals("http://karaf.apache.org/xmlns/features/v1.6.0", root.getNamespaceURI());
        String version = System.getProperty("recurrente.expected.version");

        NodeList repos = root.getElementsByTagNameNS("*", "repository");
        assertEquals(1, repos.getLength());
        assertTrue(repos.item(0).getTextContent().startsWith("mvn:org.apache.camel.karaf/apache-camel/4.18"),
                repos.item(0).getTextContent());

        NodeList features = root.getElementsByTagNameNS("*", "feature");
        Element feature = null;
        StringBuilder deps = new StringBuilder();
        for (int i = 0; i < features.getLength(); i++) {
            Element f = (Element) features.item(i);
            if ("camel-recurrente".equals(f.getAttribute("name"))) {
                feature = f;
            } else {
                deps.append(f.getTextContent().trim()).append(',');
            }
        }
        assertNotNull(feature, "feature camel-recurrente");
        for (String dep : new String[] { "camel-core", "camel-jackson", "camel-platform-http-vertx", "camel-webhook" }) {
            assertTrue(deps.toString().contains(dep + ","), "depends on " + dep + ": " + deps);
        }
        NodeList bundles = feature.getElementsByTagNameNS("*", "bundle");
        boolean named = false;
        for (int i = 0; i < bundles.getLength(); i++) {
            named |= bundles.item(i).getTextContent().trim()
                    .equals("mvn:io.github.camelrecurrente/camel-recurrente/" + version);
        }
        assertTrue(named, "the feature installs the component bundle");
        assertTrue(!new String(java.nio.file.Files.readAllBytes(file("recurrente.features.file").toPath()),
                StandardCharsets.UTF_8).contains("${"), "all placeholders filtered");
    }
}
