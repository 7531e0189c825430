package io.github.camelrecurrente.sandbox.store;

import java.util.List;

/**
 * One page of a newest-first listing.
 *
 * @param items      the resources of this page
 * @param page       1-based page number
 * @param pageItems  page size asked for
 * @param totalCount number of matching resources
 * @param <T>        resource type
 */
public record Page<T>(List<T> items, int page, int pageItems, long totalCount) {

    /** @return number of pages (at least 1, like Pagy) */
    public int totalPages() {
        return (int) Math.max(1, (totalCount + pageItems - 1) / pageItems);
    }
}
