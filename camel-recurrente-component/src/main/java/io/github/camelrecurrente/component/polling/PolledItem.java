package io.github.camelrecurrente.component.polling;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.github.camelrecurrente.component.RecurrenteException;
import io.github.camelrecurrente.component.model.RecurrenteResource;

/**
 * What the polling consumer needs to know about one listed item: its id, its creation instant (the order of the
 * list and the high-water mark) and its status (for the status filter and status-change mode), next to the typed
 * model that becomes the message body. Read through the model contract ({@link RecurrenteResource}).
 *
 * @param body      the typed model (Checkout, Subscription, Product, Coupon, Intent, Customer)
 * @param id        the item's id
 * @param createdAt its {@code created_at} (falls back to {@code updated_at} when the API sends no created_at), or
 *                  null when it carries neither (the documented products, coupons and customers): such an item is
 *                  polled by identity
 * @param status    its status, or null when the item has none (customers)
 */
record PolledItem(Object body, String id, Instant createdAt, String status) {

    /**
     * Reads id, created_at and status from a model of a list operation.
     *
     * @throws RecurrenteException when the item has no id
     */
    static PolledItem of(Object model) {
        if (!(model instanceof RecurrenteResource resource)) {
            throw new RecurrenteException("The polling consumer cannot read items of type "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        String id = resource.getId();
        OffsetDateTime created = resource.getCreatedAt() != null ? resource.getCreatedAt() : resource.getUpdatedAt();
        String type = model.getClass().getSimpleName();
        if (id == null || id.isBlank()) {
            throw new RecurrenteException("The API listed a " + type + " without an id; the polling consumer cannot"
                    + " remember what it emitted");
        }
        return new PolledItem(model, id, created == null ? null : created.toInstant(), resource.getStatus());
    }

    /** True when the item carries a timestamp to order it by. */
    boolean dated() {
        return createdAt != null;
    }

    @Override
    public String toString() {
        return "PolledItem[" + id + ", " + createdAt + ", " + status + "]";
    }
}
