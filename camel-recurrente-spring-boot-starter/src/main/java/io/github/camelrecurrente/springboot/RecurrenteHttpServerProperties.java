package io.github.camelrecurrente.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HTTP server that serves {@code recurrente:events} (and any other {@code platform-http} route) under Spring
 * Boot: Camel's own Vert.x platform-http server, started when camel-platform-http-vertx is on the classpath. Our
 * choice, because camel-platform-http-starter (the servlet-based engine) is not available for Camel 4.18.0 here;
 * the properties mirror Camel Main's {@code camel.server.*}.
 */
@ConfigurationProperties(prefix = "camel.recurrente.server")
public class RecurrenteHttpServerProperties {

    /**
     * Whether to start Camel's Vert.x platform-http server for the webhook consumer (only when
     * camel-platform-http-vertx is on the classpath and no VertxPlatformHttpServer bean exists).
     */
    private boolean enabled = true;

    /**
     * Interface the server binds to.
     */
    private String host = "0.0.0.0";

    /**
     * Port of the server; 0 picks a free port (read it back from the VertxPlatformHttpServer bean). Spring Boot's
     * own web server, if any, keeps its server.port: use a different one.
     */
    private int port = 8080;

    /**
     * Context path under which the platform-http routes are served (recurrente:events adds its webhookPath).
     */
    private String path = "/";

    /**
     * Largest request body the server reads, in bytes (recurrente:events also enforces its own maxBodySize).
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

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
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
