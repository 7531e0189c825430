package io.github.camelrecurrente.component.paging;

/**
 * Stops the paging of a list when a later page starts with the same item as the first page: an API (or a proxy)
 * that ignores the {@code page} parameter and sends no pagination headers would otherwise answer the same full
 * page forever. The pagination guide documents {@code page}; this guard is our choice, so that such an answer ends
 * with a clear error instead of an endless loop. Plain Java (no Camel), like the rest of this package; used by
 * {@link PageIterator} and the polling consumer.
 */
public final class RepeatedPageGuard {

    private final String operation;
    private String firstId;
    private int firstPage;

    /** @param operation the operation name, for the error message */
    public RepeatedPageGuard(String operation) {
        this.operation = operation;
    }

    /**
     * Checks the id of the first item of a page (null for an empty page or an item without id).
     *
     * @throws IllegalStateException when a later page starts with the item the first page started with
     */
    public void check(int pageNumber, String firstItemId) {
        if (firstItemId == null) {
            return;
        }
        if (firstId == null) {
            firstId = firstItemId;
            firstPage = pageNumber;
            return;
        }
        if (pageNumber != firstPage && firstId.equals(firstItemId)) {
            throw new IllegalStateException("recurrente:" + operation + ": page " + pageNumber + " starts with the same"
                    + " item (" + firstItemId + ") as page " + firstPage + "; the API seems to"
                    + " ignore the page parameter, so paging stopped instead of reading the"
                    + " same page forever");
        }
    }
}
