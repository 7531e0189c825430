package io.github.camelrecurrente.component;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Camel catalog descriptor (component.properties) names the component and its Maven coordinates, and the files
 * it leads a catalog to (the component service file and the component JSON next to the class's package) exist.
 */
class CatalogDescriptorTest {

    private static Properties load(String resource) throws Exception {
        try (InputStream in = CatalogDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p;
        }
    }

    @Test
    void componentPropertiesLeadsToTheComponentAndItsJson() throws Exception {
        Properties catalog = load("META-INF/services/org/apache/camel/component.properties");
        assertEquals("recurrente", catalog.getProperty("components"));
        assertEquals("io.github.camelrecurrente", catalog.getProperty("groupId"));
        assertEquals("camel-recurrente", catalog.getProperty("artifactId"));
        assertTrue(catalog.getProperty("version").startsWith("0."), catalog.getProperty("version"));
        assertEquals("Camel :: Recurrente", catalog.getProperty("projectName"));
        assertTrue(catalog.getProperty("projectDescription").contains("Recurrente"));

        String className =
                load("META-INF/services/org/apache/camel/component/recurrente").getProperty("class");
        assertEquals(RecurrenteComponent.class.getName(), className);
        String json =
                "META-INF/" + className.substring(0, className.lastIndexOf('.')).replace('.', '/') + "/recurrente.json";
        assertNotNull(getClass().getClassLoader().getResource(json), json);
    }
}
