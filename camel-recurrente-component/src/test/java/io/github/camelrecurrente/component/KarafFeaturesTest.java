package io.github.camelrecurrente.component;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Karaf features descriptor as the build filters it: well formed, two features (producer; webhook consumer with
 * its HTTP engine), camel-karaf's own features for Camel, Jackson and HttpClient 5, and every {@code <bundle>} an
 * artifact of this build or one of its resolved dependencies at the version the build uses (the list written by
 * maven-dependency-plugin), so the descriptor never names an artifact nobody released.
 */
class KarafFeaturesTest {

    private static final Pattern MVN = Pattern.compile("^(?:wrap:)?mvn:([^/]+)/([^/]+)/([^/$]+)(?:/[^$]*)?(?:\\$.*)?$");
    /** A dependency:list line: group:artifact:type[:classifier]:version:scope, possibly followed by module info. */
    private static final Pattern LISTED =
            Pattern.compile("^\\s*([^:\\s]+):([^:]+):[^:]+:(?:[^:]+:)?([^:]+):(compile|runtime).*$");

    private static Element root;
    private static Map<String, Element> features;

    @BeforeAll
    static void parse() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(file("recurrente.features.file"));
        root = doc.getDocumentElement();
        features = new HashMap<>();
        for (Element f : children(root, "feature")) {
            features.put(f.getAttribute("name"), f);
        }
    }

    private static File file(String property) {
        String path = System.getProperty(property);
        assertNotNull(path, property + " is set by the surefire configuration");
        File f = new File(path);
        assertTrue(f.isFile(), "missing " + f);
        return f;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> answer = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                answer.add(e);
            }
        }
        return answer;
    }

    private static Set<String> dependencies(Element feature) {
        Set<String> names = new HashSet<>();
        for (Element dep : children(feature, "feature")) {
            names.add(dep.getTextContent().trim());
        }
        return names;
    }

    @Test
    void descriptorIsFilteredAndUsesTheReleasedCamelKarafRepository() throws Exception {
        assertEquals("http://karaf.apache.org/xmlns/features/v1.6.0", root.getNamespaceURI());
        String text = Files.readString(file("recurrente.features.file").toPath(), StandardCharsets.UTF_8);
        assertFalse(text.contains("${"), "all placeholders filtered");
        List<Element> repos = children(root, "repository");
        assertEquals(1, repos.size());
        assertEquals(
                "mvn:org.apache.camel.karaf/apache-camel/" + System.getProperty("recurrente.camel.karaf.version")
                        + "/xml/features",
                repos.get(0).getTextContent().trim());
        assertEquals(Set.of("camel-recurrente", "camel-recurrente-webhook"), features.keySet());
    }

    @Test
    void producerFeatureUsesCamelKarafFeaturesAndPullsNoHttpEngine() {
        Element producer = features.get("camel-recurrente");
        assertEquals(Set.of("camel-core", "camel-jackson", "camel-webhook", "http-client"), dependencies(producer));
        String range = System.getProperty("recurrente.camel.osgi.range");
        for (Element dep : children(producer, "feature")) {
            if (dep.getTextContent().trim().startsWith("camel-")) {
                assertEquals(range, dep.getAttribute("version"), dep.getTextContent() + " on the Camel line tested");
            }
        }
        String all = producer.getTextContent();
        assertFalse(all.contains("vertx") || all.contains("platform-http"), "no HTTP server for producers");
        assertFalse(all.contains("httpcore5") || all.contains("httpclient5"), "HttpClient 5 from camel-karaf");
        assertFalse(all.contains("jackson-databind") || all.contains("jackson-core"), "Jackson from camel-karaf");
    }

    @Test
    void webhookFeatureAddsTheVertxPlatformHttpEngine() {
        Element webhook = features.get("camel-recurrente-webhook");
        assertEquals(Set.of("camel-recurrente", "camel-platform-http-vertx"), dependencies(webhook));
        assertTrue(children(webhook, "bundle").isEmpty(), "only features");
    }

    @Test
    void everyBundleIsThisBuildsArtifactOrADeclaredDependencyAtItsBuildVersion() throws Exception {
        Map<String, String> resolved = new HashMap<>();
        for (String line :
                Files.readAllLines(file("recurrente.dependencies.file").toPath(), StandardCharsets.UTF_8)) {
            Matcher m = LISTED.matcher(line);
            if (m.matches()) {
                resolved.put(m.group(1) + ":" + m.group(2), m.group(3));
            }
        }
        assertTrue(resolved.containsKey("org.apache.camel:camel-support"), "dependency list was read: " + resolved);
        String[] self = System.getProperty("recurrente.project.gav").split(":");
        int bundles = 0;
        boolean selfFound = false;
        for (Element feature : features.values()) {
            for (Element bundle : children(feature, "bundle")) {
                bundles++;
                String url = bundle.getTextContent().trim();
                Matcher m = MVN.matcher(url);
                assertTrue(m.matches(), "a mvn: bundle URL: " + url);
                String ga = m.group(1) + ":" + m.group(2);
                if ((self[0] + ":" + self[1]).equals(ga)) {
                    assertEquals(self[2], m.group(3), url);
                    selfFound = true;
                } else if (!resolved.containsKey(ga)) {
                    fail(url + " is neither this build's artifact nor one of its dependencies " + resolved.keySet());
                } else {
                    assertEquals(resolved.get(ga), m.group(3), url + " at the version the build uses");
                }
            }
        }
        assertTrue(selfFound, "the component bundle is installed");

        // camel-karaf's http-client feature is accepted on a range that holds the HttpClient 5 this build uses
        String httpClient = resolved.get("org.apache.httpcomponents.client5:httpclient5");
        assertNotNull(httpClient, "httpclient5 is a dependency");
        String range = null;
        for (Element dep : children(features.get("camel-recurrente"), "feature")) {
            if ("http-client".equals(dep.getTextContent().trim())) {
                range = dep.getAttribute("version");
            }
        }
        assertNotNull(range);
        Matcher r = Pattern.compile("\\[(\\d+)\\.(\\d+),(\\d+)\\)").matcher(range);
        assertTrue(r.matches(), range);
        String[] v = httpClient.split("\\.");
        int major = Integer.parseInt(v[0]);
        int minor = Integer.parseInt(v[1]);
        assertTrue(
                major == Integer.parseInt(r.group(1))
                        && minor >= Integer.parseInt(r.group(2))
                        && major < Integer.parseInt(r.group(3)),
                httpClient + " in " + range);
        assertTrue(bundles >= 2, "bundles checked: " + bundles);
    }
}
