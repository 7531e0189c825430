package io.github.camelrecurrente.component.model;

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
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE,
                creatorVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class RecurrenteObject {

    @JsonIgnore
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /** Properties received that this model does not declare (live, mutable view; never {@code null}). */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    /** One undeclared property, or {@code null}. */
    public Object getAdditionalProperty(String name) {
        return additionalProperties.get(name);
    }

    /** Sets an undeclared property (also used by Jackson for every unknown property). */
    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    /** Removes an undeclared property; returns the previous value. */
    public Object removeAdditionalProperty(String name) {
        return additionalProperties.remove(name);
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
