package io.github.camelrecurrente.springboot;

import io.github.camelrecurrente.component.RecurrenteComponent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A plain Spring Boot web application with a Java route and a YAML route; every option comes from
 * application.properties.
 */
@SpringBootApplication
public class StarterTestApplication {

    /** A second account as its own component instance: the starter's properties must not overwrite its keys. */
    @Bean("recurrente-tienda2")
    RecurrenteComponent secondAccount() {
        RecurrenteComponent component = new RecurrenteComponent();
        component.getConfiguration().setSecretKey("sk_test_tienda2");
        return component;
    }

    /** Referred to from application.properties as #bean:recurrenteState. */
    @Bean
    MemoryStateRepository recurrenteState() {
        return new MemoryStateRepository();
    }

    /** Two metrics backends (say Prometheus and another): Spring Boot builds its composite registry over them. */
    @Bean
    SimpleMeterRegistry firstBackend() {
        return new SimpleMeterRegistry();
    }

    @Bean
    SimpleMeterRegistry secondBackend() {
        return new SimpleMeterRegistry();
    }

    @Bean
    RouteBuilder recurrenteRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:createCheckout").routeId("create-checkout").to("recurrente:createCheckout");
                // recurrente:events is the YAML route in src/test/resources/camel/recurrente-events.yaml
            }
        };
    }
}
