package io.github.camelrecurrente.springboot;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's own Vert.x server is an explicit opt-in: with camel-platform-http-vertx on the class path and nothing
 * set, no server is started (Spring's web server serves the webhook); enabled, it needs a port of its own.
 */
class VertxServerOptInTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(RecurrenteHttpServerAutoConfiguration.class, CamelAutoConfiguration.class))
            // not the test application's YAML webhook route (classpath:camel/*): no routes here
            .withPropertyValues("camel.main.routes-collector-enabled=false");

    @Test
    void offByDefault() {
        runner.run(spring -> {
            assertThat(spring).hasNotFailed();
            assertThat(spring).doesNotHaveBean(VertxPlatformHttpServer.class);
        });
    }

    @Test
    void enabledWithoutAPortFailsAndNamesTheProperty() {
        runner.withPropertyValues("camel.recurrente.server.enabled=true").run(spring -> {
            assertThat(spring).hasFailed();
            assertThat(spring.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("camel.recurrente.server.port is required");
        });
    }

    @Test
    void enabledWithAPortStartsItThere() {
        runner.withPropertyValues(
                        "camel.recurrente.server.enabled=true",
                        "camel.recurrente.server.host=127.0.0.1",
                        "camel.recurrente.server.port=0")
                .run(spring -> {
                    assertThat(spring).hasNotFailed();
                    assertThat(spring).hasSingleBean(VertxPlatformHttpServer.class);
                });
    }
}
