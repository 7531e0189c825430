package io.github.camelrecurrente.springboot;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.springframework.boot.context.properties.BoundConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationContext;

/**
 * The options of a {@code @ConfigurationProperties} object that the application actually set, found in Spring Boot's
 * own record of what it bound ({@link BoundConfigurationProperties}, the record behind the actuator's
 * {@code configprops}): the defaults the properties class carries (e.g. {@code baseUrl}) are left out, so they
 * never overwrite a value the application set on its own {@code recurrente} component bean. This is the rule
 * camel-spring-boot adopted for its generated starters (CAMEL-24501); names compare dash- and case-insensitively,
 * so {@code base-url}, {@code baseUrl} and {@code CAMEL_COMPONENT_RECURRENTE_BASEURL} are the same option.
 */
final class ConfiguredProperties {

    /** Properties of the starter itself, not options of the component. */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer");

    private ConfiguredProperties() {}

    /**
     * The non-null properties of {@code source} (its Java property names) that were bound from a property below
     * {@code prefix}.
     */
    static Map<String, Object> of(
            ApplicationContext applicationContext, CamelContext camelContext, String prefix, Object source) {
        Set<String> bound = boundOptions(applicationContext, prefix);
        Map<String, Object> all = CamelPropertiesHelper.getNonNullProperties(camelContext, source);
        Map<String, Object> configured = new HashMap<>();
        all.forEach((name, value) -> {
            if (bound.contains(normalize(name))) {
                configured.put(name, value);
            }
        });
        return configured;
    }

    /** The first name element below the prefix of every property Spring bound, normalized. */
    static Set<String> boundOptions(ApplicationContext applicationContext, String prefix) {
        Set<String> names = new TreeSet<>();
        BoundConfigurationProperties record = BoundConfigurationProperties.get(applicationContext);
        if (record == null) {
            return names;
        }
        ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
        for (ConfigurationPropertyName name : record.getAll().keySet()) {
            if (root.isAncestorOf(name)) {
                String option =
                        normalize(name.getElement(root.getNumberOfElements(), ConfigurationPropertyName.Form.UNIFORM));
                if (!STARTER_ONLY.contains(option)) {
                    names.add(option);
                }
            }
        }
        return names;
    }

    private static String normalize(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
