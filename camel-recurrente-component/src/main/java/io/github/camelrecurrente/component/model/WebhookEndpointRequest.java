package io.github.camelrecurrente.component.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /webhook_endpoints}: {@code url}, {@code description}, {@code metadata}.
 */
public class WebhookEndpointRequest extends RecurrenteObject {

    @JsonProperty("url")
    private String url;

    @JsonProperty("description")
    private String description;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** Fluent setter for {@code url}. */
    public WebhookEndpointRequest url(String url) {
        this.url = url;
        return this;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Fluent setter for {@code description}. */
    public WebhookEndpointRequest description(String description) {
        this.description = description;
        return this;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /** Fluent setter for {@code metadata}. */
    public WebhookEndpointRequest metadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    /** An endpoint for the given URL. */
    public static WebhookEndpointRequest of(String url) {
        return new WebhookEndpointRequest().url(url);
    }
}
