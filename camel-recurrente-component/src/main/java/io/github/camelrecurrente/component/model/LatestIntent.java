package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The latest payment attempt of a checkout ({@code checkout.latest_intent}); {@code data} holds e.g. {@code auth_code}.
 */
public class LatestIntent extends RecurrenteObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("type")
    private String type;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("data")
    private Map<String, Object> data;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public Map<String, Object> getData() {
        return data;
    }

    public void setData(Map<String, Object> data) {
        this.data = data;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "type=" + type;
    }

    /** The card authorisation code ({@code data.auth_code}), or {@code null}. */
    public String getAuthCode() {
        Object v = data == null ? null : data.get("auth_code");
        return v == null ? null : v.toString();
    }
}
