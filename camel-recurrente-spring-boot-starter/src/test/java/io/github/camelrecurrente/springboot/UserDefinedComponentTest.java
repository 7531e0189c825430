package io.github.camelrecurrente.springboot;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.github.camelrecurrente.component.RecurrenteConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A {@code recurrente} component the application defines itself keeps its values: only the properties the
 * application set are copied onto it, never the defaults the starter's properties class carries.
 */
class UserDefinedComponentTest {

    private static final String OWN_BASE_URL = "http://127.0.0.1:9/own-proxy/api";

    @Configuration(proxyBeanMethods = false)
    static class OwnComponent {
        @Bean("recurrente")
        RecurrenteComponent recurrente() {
            RecurrenteComponent component = new RecurrenteComponent();
            RecurrenteConfiguration config = component.getConfiguration();
            config.setBaseUrl(OWN_BASE_URL);
            config.setRetryDelay(123);
            config.setMaxConnections(7);
            config.setSecretKey("sk_test_from_the_bean");
            return component;
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(CamelAutoConfiguration.class, RecurrenteComponentAutoConfiguration.class))
            .withUserConfiguration(OwnComponent.class)
            // not the test application's YAML webhook route (classpath:camel/*): no routes here
            .withPropertyValues("camel.main.routes-collector-enabled=false");

    private static RecurrenteConfiguration configuration(org.springframework.context.ApplicationContext spring) {
        return spring.getBean(CamelContext.class)
                .getComponent("recurrente", RecurrenteComponent.class)
                .getConfiguration();
    }

    @Test
    void theBeansValuesSurviveWhereNoPropertyIsSet() {
        runner.withPropertyValues(
                        "camel.component.recurrente.secret-key=sk_test_from_properties",
                        "camel.component.recurrente.request-timeout=7s")
                .run(spring -> {
                    RecurrenteConfiguration config = configuration(spring);
                    assertSame(
                            spring.getBean("recurrente"),
                            spring.getBean(CamelContext.class).getComponent("recurrente"));
                    assertEquals(OWN_BASE_URL, config.getBaseUrl(), "not reset to the default base URL");
                    assertEquals(123, config.getRetryDelay(), "not reset to the default 500ms");
                    assertEquals(7, config.getMaxConnections());
                    assertEquals("sk_test_from_properties", config.getSecretKey(), "a property the application set");
                    assertEquals(7_000, config.getRequestTimeout());
                });
    }

    @Test
    void aPropertySetToTheDefaultValueIsAppliedToo() {
        runner.withPropertyValues("camel.component.recurrente.base-url=https://app.recurrente.com/api")
                .run(spring -> assertEquals(
                        "https://app.recurrente.com/api",
                        configuration(spring).getBaseUrl(),
                        "set by the application, even though it equals the default"));
    }

    @Test
    void relaxedNamesCountAsSet() {
        runner.withPropertyValues("camel.component.recurrente.retryDelay=2s").run(spring -> {
            RecurrenteConfiguration config = configuration(spring);
            assertEquals(2_000, config.getRetryDelay());
            assertEquals(OWN_BASE_URL, config.getBaseUrl());
        });
    }
}
