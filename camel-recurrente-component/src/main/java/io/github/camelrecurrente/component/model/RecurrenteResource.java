package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;

/**
 * The small contract of an API resource (checkout, subscription, product, coupon, intent, customer...): its id and,
 * where the resource has them, its creation and update times and its status. The producer's
 * {@code CamelRecurrenteId} header and the polling consumer (order, high-water mark, status filter) read resources
 * only through it.
 */
public interface RecurrenteResource {

    /** The resource id ({@code ch_...}, {@code su_...}, {@code in_...}...). */
    String getId();

    /** When the resource was created, or null when the API does not say. */
    default OffsetDateTime getCreatedAt() {
        return null;
    }

    /** When the resource was last updated, or null when the API does not say. */
    default OffsetDateTime getUpdatedAt() {
        return null;
    }

    /** The resource's status, or null for resources without one (customers, users). */
    default String getStatus() {
        return null;
    }
}
