package io.github.camelrecurrente.component.model.event;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.RecurrenteObject;
import io.github.camelrecurrente.component.model.ResourceRef;

/**
 * Base of every Recurrente webhook event. Recurrente payloads are flat (no {@code data} wrapper): the event type
 * is {@code event_type} (some payloads use {@code type} instead), {@code id} is the id of the <em>object</em> the event is
 * about ({@code pa_...}, {@code su_...}, {@code ba_...}, {@code in_...}), NOT an event id (use the {@code svix-id} header to
 * de-duplicate). Connected (child) accounts add {@code connected: true} and {@code account_id: "ac_..."}.
 * <p>Parse with {@link RecurrenteEvents#parse(byte[])}, or let any Jackson mapper read {@code RecurrenteEvent.class}
 * (it dispatches to the right subclass the same way). Every property of the payload is kept (declared fields or
 * {@link #getAdditionalProperties()}), so re-serialising with {@link io.github.camelrecurrente.component.model.RecurrenteJson#mapper()} gives back every non-null
 * field.
 */
@JsonDeserialize(using = RecurrenteEventDeserializer.class)
public abstract class RecurrenteEvent extends RecurrenteObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("event_type")
    private String eventType;

    @JsonProperty("type")
    private String type;

    @JsonProperty("api_version")
    private String apiVersion;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("connected")
    private Boolean connected;

    @JsonProperty("account_id")
    private String accountId;

    @JsonProperty("live_mode")
    private Boolean liveMode;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public void setConnected(Boolean connected) {
        this.connected = connected;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public Boolean getLiveMode() {
        return liveMode;
    }

    public void setLiveMode(Boolean liveMode) {
        this.liveMode = liveMode;
    }

    /**
     * The event type: {@code event_type}, or {@code type} when {@code event_type} is absent (some payloads, e.g. the
     * card-update guide's {@code setup_intent.succeeded}, use {@code type}).
     */
    public String getEventType() {
        if (eventType != null && !eventType.isEmpty()) {
            return eventType;
        }
        return type;
    }

    /** The raw {@code event_type} field (may be {@code null}). */
    public String getRawEventType() {
        return eventType;
    }

    /** The raw {@code connected} flag (may be {@code null}). */
    public Boolean getConnected() {
        return connected;
    }

    /** {@code true} when the event comes from a connected (child) account ({@code connected: true}). */
    public boolean isConnected() {
        return Boolean.TRUE.equals(connected);
    }

    /**
     * The id of the resource the event is about: {@link #getId()}, or a type-specific fallback when the payload
     * has no top-level {@code id} (e.g. the subscription of a {@code setup_intent.*}, the refund of a
     * {@code refund.create}).
     */
    public String getResourceId() {
        return id;
    }

    @Override
    protected String toStringFields() {
        return "eventType=" + getEventType() + ", id=" + getResourceId()
                + (isConnected() ? ", accountId=" + accountId : "");
    }

    /**
     * The canonical API object this event is about (what {@code refetch=true} fetches), or null when the event kind
     * has none or the payload does not name it.
     */
    public ResourceRef subject() {
        return null;
    }
}
