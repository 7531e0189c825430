package io.github.camelrecurrente.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Camel's own Vert.x platform-http server for {@code recurrente:events}, on a port of its own: an explicit opt-in
 * for an application without Spring's web server. The default is Spring's web server: with
 * camel-platform-http-starter and spring-boot-starter-web the webhook is served on {@code server.port}, behind
 * Spring Security, TLS and the actuator. The properties mirror Camel Main's {@code camel.server.*}.
 */
@ConfigurationProperties(prefix = "camel.recurrente.server")
public class RecurrenteHttpServerProperties {

    /**
     * Whether to start Camel's Vert.x platform-http server (camel-platform-http-vertx on the class path) for the
     * webhook consumer on its own port, instead of Spring's web server. Off by default; camel.recurrente.server.port
     * is then required.
     */
    private boolean enabled;

    /**
     * Interface the Vert.x server binds to.
     */
    private String host = "0.0.0.0";

    /**
     * Port of the Vert.x server, required when camel.recurrente.server.enabled=true (no default, never Spring's
     * server.port); 0 picks a free port (read it back from the VertxPlatformHttpServer bean).
     */
    private Integer port;

    /**
     * Context path under which the platform-http routes are served (recurrente:events adds its webhook-path).
     */
    private String path = "/";

    /**
     * Largest request body the Vert.x server reads, in bytes (recurrente:events also enforces its own max-body-size).
     */
    private Long maxBodySize;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }
}
