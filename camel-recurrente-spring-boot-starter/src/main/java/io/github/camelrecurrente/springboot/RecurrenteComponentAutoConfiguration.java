package io.github.camelrecurrente.springboot;

import io.github.camelrecurrente.component.RecurrenteComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Binds {@code camel.component.recurrente.*} to the {@code recurrente} component the way camel-spring-boot's starters
 * do: a {@link ComponentCustomizer} copying properties through the component's generated configurer. Only the
 * properties the application set are copied ({@link ConfiguredProperties}): a {@code recurrente} component bean the
 * application defined keeps every value no property names. Only the instance named {@code recurrente} is customized
 * (our choice, unlike the upstream starters that customize every instance of the class): a second account
 * registered as, say, {@code recurrente-tienda2} keeps its own keys instead of receiving the first account's.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, RecurrenteComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.recurrente"})
public class RecurrenteComponentAutoConfiguration {

    private static final String SCHEME = "recurrente";
    private static final String PREFIX = "camel.component.recurrente";

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final RecurrenteComponentConfiguration configuration;

    public RecurrenteComponentAutoConfiguration(
            ApplicationContext applicationContext,
            CamelContext camelContext,
            RecurrenteComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureRecurrenteComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(
                        camelContext,
                        ConfiguredProperties.of(applicationContext, camelContext, PREFIX, configuration),
                        target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext,
                                "camel.component.customizer",
                                "camel.component.recurrente.customizer")
                        && target instanceof RecurrenteComponent
                        && SCHEME.equals(name);
            }
        };
    }
}
