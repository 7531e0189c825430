package io.github.camelrecurrente.component.model;

/**
 * Names the canonical API object a webhook event is about, so it can be fetched ({@code refetch=true}).
 *
 * @param kind what the object is
 * @param id   its id
 */
public record ResourceRef(Kind kind, String id) {

    /** The kinds of object an event can point at. */
    public enum Kind {
        CHECKOUT,
        INTENT,
        SUBSCRIPTION,
        REFUND
    }

    /** A reference, or null when the id is null. */
    public static ResourceRef of(Kind kind, String id) {
        return id == null ? null : new ResourceRef(kind, id);
    }
}
