package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A webhook endpoint ({@code ep_...}). Svix-shaped: its JSON is <b>camelCase</b>
 * ({@code createdAt}, {@code updatedAt}, {@code signingSecret}). {@code signingSecret} ({@code whsec_...}) is only returned by
 * {@code POST /webhook_endpoints}; it is never shown by {@link #toString()}.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public class WebhookEndpoint extends RecurrenteObject implements RecurrenteResource {

    @JsonProperty("id")
    private String id;

    @JsonProperty("url")
    private String url;

    @JsonProperty("description")
    private String description;

    @JsonProperty("disabled")
    private Boolean disabled;

    @JsonProperty("metadata")
    private Map<String, Object> metadata;

    @JsonAlias({"created_at"})
    @JsonProperty("createdAt")
    private OffsetDateTime createdAt;

    @JsonAlias({"updated_at"})
    @JsonProperty("updatedAt")
    private OffsetDateTime updatedAt;

    @JsonAlias({"signing_secret"})
    @JsonProperty("signingSecret")
    private String signingSecret;

    @JsonProperty("filterTypes")
    private List<String> filterTypes;

    @JsonProperty("channels")
    private List<String> channels;

    @JsonProperty("version")
    private Integer version;

    @JsonProperty("rateLimit")
    private Integer rateLimit;

    @JsonProperty("uid")
    private String uid;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Boolean getDisabled() {
        return disabled;
    }

    public void setDisabled(Boolean disabled) {
        this.disabled = disabled;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    @Override
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getSigningSecret() {
        return signingSecret;
    }

    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    public List<String> getFilterTypes() {
        return filterTypes;
    }

    public void setFilterTypes(List<String> filterTypes) {
        this.filterTypes = filterTypes;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", url=" + url + ", disabled=" + disabled + ", signingSecret="
                + (signingSecret == null ? "null" : "****");
    }
}
