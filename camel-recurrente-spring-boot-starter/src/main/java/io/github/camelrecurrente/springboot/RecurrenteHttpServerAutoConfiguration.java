package io.github.camelrecurrente.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Serves {@code recurrente:events} under Spring Boot with Camel's Vert.x platform-http server (what
 * camel-platform-http-main does for Camel Main): the server is added to the CamelContext as a service before the
 * routes start, so the platform-http engine of camel-platform-http-vertx finds its router. Active when
 * camel-platform-http-vertx is on the classpath, {@code camel.recurrente.server.enabled} is not false, and the
 * application defines no {@link VertxPlatformHttpServer} bean of its own.
 */
@AutoConfiguration(before = CamelAutoConfiguration.class)
@ConditionalOnClass(VertxPlatformHttpServer.class)
@ConditionalOnProperty(
        prefix = "camel.recurrente.server",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(RecurrenteHttpServerProperties.class)
public class RecurrenteHttpServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(VertxPlatformHttpServer.class)
    public VertxPlatformHttpServer recurrentePlatformHttpServer(RecurrenteHttpServerProperties properties) {
        VertxPlatformHttpServerConfiguration config = new VertxPlatformHttpServerConfiguration();
        config.setBindHost(properties.getHost());
        config.setBindPort(properties.getPort());
        config.setPath(properties.getPath());
        config.setMaxBodySize(properties.getMaxBodySize());
        return new VertxPlatformHttpServer(config);
    }

    @Bean
    public CamelContextConfiguration recurrentePlatformHttpServerStarter(VertxPlatformHttpServer server) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                try {
                    camelContext.addService(server, true, true);
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "cannot add the platform-http server to Camel: " + e.getMessage(), e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing: the server started with the context
            }
        };
    }
}
