package io.github.camelrecurrente.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A plain Spring Boot application with two routes; every option comes from application.properties. */
@SpringBootApplication
public class StarterTestApplication {

    @Bean
    RouteBuilder recurrenteRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:createCheckout").routeId("create-checkout").to("recurrente:createCheckout");
                from("recurrente:events").routeId("recurrente-events").to("mock:events");
            }
        };
    }
}
