package io.github.camelrecurrente.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
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
 * Opt-in ({@code camel.recurrente.server.enabled=true}): serves {@code recurrente:events} with Camel's Vert.x
 * platform-http server on {@code camel.recurrente.server.port} (required, no default), for an application without
 * Spring's web server. The server is added to the CamelContext as a service before the routes start, so the
 * platform-http engine of camel-platform-http-vertx finds its router. The default is Spring's own web server
 * (camel-platform-http-starter): with both, the application fails at startup and says so, rather than serving the
 * webhook on a server nobody expects.
 */
@AutoConfiguration(before = CamelAutoConfiguration.class)
@ConditionalOnClass(VertxPlatformHttpServer.class)
@ConditionalOnProperty(prefix = "camel.recurrente.server", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(RecurrenteHttpServerProperties.class)
public class RecurrenteHttpServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(VertxPlatformHttpServer.class)
    public VertxPlatformHttpServer recurrentePlatformHttpServer(RecurrenteHttpServerProperties properties) {
        if (properties.getPort() == null) {
            throw new IllegalStateException("camel.recurrente.server.port is required with"
                    + " camel.recurrente.server.enabled=true (there is no default port: Spring's web server keeps"
                    + " server.port; 0 picks a free port)");
        }
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
                PlatformHttpEngine engine = camelContext
                        .getRegistry()
                        .lookupByNameAndType("platform-http-engine", PlatformHttpEngine.class);
                if (engine != null && !(engine instanceof VertxPlatformHttpEngine)) {
                    throw new IllegalStateException("camel.recurrente.server.enabled=true starts Camel's Vert.x server,"
                            + " but " + engine.getClass().getSimpleName() + " (camel-platform-http-starter) already"
                            + " serves platform-http routes on Spring's web server: remove the property to receive"
                            + " webhooks on server.port, or remove camel-platform-http-starter");
                }
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
