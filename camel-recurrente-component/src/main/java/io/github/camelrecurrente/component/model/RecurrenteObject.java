package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Base of every Recurrente model (responses, requests and webhook events).
 * <p>
 * Only the fields annotated with {@code @JsonProperty} are bound (getters/setters are not auto-detected, so
 * convenience getters such as {@code getEventType()} never leak into the JSON). Every property the API sends that
 * the model does not declare is kept, in order, in {@link #getAdditionalProperties()} and written back on
 * serialisation, so nothing is lost in a parse &rarr; serialise round trip (except {@code null}-valued declared
 * fields, which are omitted: {@code NON_NULL}).
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.NONE,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class RecurrenteObject {

    /** Created on the first undeclared property: most objects have none, and a webhook event holds a dozen. */
    @JsonIgnore
    private Map<String, Object> additionalProperties;

    /** Properties received that this model does not declare (live, mutable view; never {@code null}). */
    public Map<String, Object> getAdditionalProperties() {
        if (additionalProperties == null) {
            additionalProperties = new LinkedHashMap<>();
        }
        return additionalProperties;
    }

    /** Whether this object holds any undeclared property (never creates the map). */
    public boolean hasAdditionalProperties() {
        return additionalProperties != null && !additionalProperties.isEmpty();
    }

    /** What Jackson writes back: the undeclared properties, without creating a map for objects that have none. */
    @JsonAnyGetter
    private Map<String, Object> additionalPropertiesToWrite() {
        return additionalProperties == null ? Collections.emptyMap() : additionalProperties;
    }

    /** One undeclared property, or {@code null}. */
    public Object getAdditionalProperty(String name) {
        return additionalProperties == null ? null : additionalProperties.get(name);
    }

    /** Sets an undeclared property (also used by Jackson for every unknown property). */
    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        getAdditionalProperties().put(name, value);
    }

    /** Removes an undeclared property; returns the previous value. */
    public Object removeAdditionalProperty(String name) {
        return additionalProperties == null ? null : additionalProperties.remove(name);
    }

    /**
     * An undeclared property read as a time (what the API sends but the model does not declare, e.g. a coupon's
     * {@code created_at}), or null when absent or not an ISO-8601 time.
     */
    protected OffsetDateTime getAdditionalTime(String name) {
        Object v = getAdditionalProperty(name);
        if (v == null || v instanceof OffsetDateTime) {
            return (OffsetDateTime) v;
        }
        try {
            return OffsetDateTime.parse(v.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Fields shown by {@link #toString()} (never secrets); subclasses override. */
    protected String toStringFields() {
        return "";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + toStringFields() + "}";
    }
}
