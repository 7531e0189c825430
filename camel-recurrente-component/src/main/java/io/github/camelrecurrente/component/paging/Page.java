package io.github.camelrecurrente.component.paging;

import java.util.List;

/**
 * One page of a list answer: its items, the number it was requested as, the page size asked for, and the
 * pagination headers.
 */
public record Page<T>(List<T> items, int number, int requestedSize, PageInfo info) {

    /**
     * The next page number: from the pagination headers when the API sent them, otherwise page + 1 as long as this
     * page was full (a short or empty page is the last).
     */
    public Integer nextPage() {
        if (info != null && info.isKnown()) {
            return info.nextPage();
        }
        return items.size() >= requestedSize && !items.isEmpty() ? number + 1 : null;
    }
}
