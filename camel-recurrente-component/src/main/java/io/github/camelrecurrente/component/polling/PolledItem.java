package io.github.camelrecurrente.component.polling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.github.camelrecurrente.component.RecurrenteException;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Coupon;
import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.model.RecurrenteObject;
import io.github.camelrecurrente.component.model.Subscription;

/**
 * What the polling consumer needs to know about one listed item: its id, its creation instant (the order of the
 * list and the high-water mark) and its status (for the status filter and status-change mode), next to the typed
 * model that becomes the message body.
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
        String id;
        OffsetDateTime created;
        String status;
        if (model instanceof Checkout c) {
            id = c.getId();
            created = c.getCreatedAt() != null ? c.getCreatedAt() : c.getUpdatedAt();
            status = c.getStatus();
        } else if (model instanceof Subscription s) {
            id = s.getId();
            created = s.getCreatedAt() != null ? s.getCreatedAt() : s.getUpdatedAt();
            status = s.getStatus();
        } else if (model instanceof Product p) {
            id = p.getId();
            created = p.getCreatedAt() != null ? p.getCreatedAt() : p.getUpdatedAt();
            status = p.getStatus();
        } else if (model instanceof Intent i) {
            id = i.getId();
            created = i.getCreatedAt() != null ? i.getCreatedAt() : i.getUpdatedAt();
            status = i.getStatus();
        } else if (model instanceof Customer c) {
            id = c.getId();
            created = c.getCreatedAt() != null ? c.getCreatedAt() : extra(c, "updated_at");
            status = null;
        } else if (model instanceof Coupon c) {
            // the Coupon model declares no created_at; the API's value (if any) is kept as an additional property
            id = c.getId();
            created = extra(c, "created_at");
            if (created == null) {
                created = extra(c, "updated_at");
            }
            status = c.getStatus();
        } else if (model instanceof RecurrenteObject o) {
            Object rawId = o.getAdditionalProperty("id");
            id = rawId == null ? null : rawId.toString();
            created = extra(o, "created_at");
            Object rawStatus = o.getAdditionalProperty("status");
            status = rawStatus == null ? null : rawStatus.toString();
        } else {
            throw new RecurrenteException("The polling consumer cannot read items of type "
                                          + (model == null ? "null" : model.getClass().getName()));
        }
        String type = model.getClass().getSimpleName();
        if (id == null || id.isBlank()) {
            throw new RecurrenteException("The API listed a " + type + " without an id; the polling consumer cannot"
                                          + " remember what it emitted");
        }
        return new PolledItem(model, id, created == null ? null : created.toInstant(), status);
    }

    /** True when the item carries a timestamp to order it by. */
    boolean dated() {
        return createdAt != null;
    }

    private static OffsetDateTime extra(RecurrenteObject o, String name) {
        Object v = o.getAdditionalProperty(name);
        if (v == null) {
            return null;
        }
        if (v instanceof OffsetDateTime odt) {
            return odt;
        }
        try {
            return OffsetDateTime.parse(v.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "PolledItem[" + id + ", " + createdAt + ", " + status + "]";
    }
}
