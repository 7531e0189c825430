package io.github.camelrecurrente.component.paging;

/**
 * Ends the paging of a list when a later page starts with the same item as the first page. Recurrente documents
 * {@code GET /intents} and {@code GET /webhook_endpoints} as one bare array without paging: such a list answers every
 * item at once and ignores {@code page}, so once it holds at least a full page (100 items with {@code allPages}), the
 * full-page rule asks for page 2 and gets page 1 again. The list is then complete with the first page: the guard says
 * so ({@link #check} answers true), the reader stops there without reading the repeated page, and the
 * {@link Listener} is told, for one WARN line. An API or proxy that ignores {@code page} but honours {@code items}
 * ends the same way instead of being read forever; the items after its first page are then not read, which the
 * {@link RepeatedPage} tells apart (the first page was not larger than the page asked for). Comparing the first item
 * is our choice. Plain Java (no Camel), like the rest of this package; used by {@link PageIterator} and the polling
 * consumer.
 */
public final class RepeatedPageGuard {

    /**
     * A list that ended at a page repeating its first page.
     *
     * @param operation      the list operation
     * @param page           the page that started with the first page's first item (not read)
     * @param firstPage      the page the list started at
     * @param firstItemId    the id both pages started with
     * @param firstPageItems how many items the first page held (all that was read of the list)
     * @param pageSize       the page size asked for
     */
    public record RepeatedPage(
            String operation, int page, int firstPage, String firstItemId, int firstPageItems, int pageSize) {

        /**
         * True when the first page held more items than asked for: the API answered the whole list at once (as the
         * unpaged lists do), so nothing is missing.
         */
        public boolean wholeListAtOnce() {
            return firstPageItems > pageSize;
        }
    }

    /** Told when a list ended at a page that repeated the first one (the endpoint writes its WARN line). */
    @FunctionalInterface
    public interface Listener {

        /** A listener that is told nothing. */
        Listener NONE = repeated -> {};

        void listEndedAtRepeatedPage(RepeatedPage repeated);
    }

    private final String operation;
    private final Listener listener;
    private String firstId;
    private int firstPage;
    private int firstPageItems;

    /** @param operation the operation name, for the listener */
    public RepeatedPageGuard(String operation) {
        this(operation, Listener.NONE);
    }

    /**
     * @param operation the operation name, for the listener
     * @param listener  told when a list ends at a repeated page (null: nobody)
     */
    public RepeatedPageGuard(String operation, Listener listener) {
        this.operation = operation;
        this.listener = listener == null ? Listener.NONE : listener;
    }

    /**
     * Checks a page by the id of its first item (null for an empty page or an item without id).
     *
     * @return true when this is a later page that starts with the item the first page started with: stop paging and do
     *     not read its items (the listener has been told)
     */
    public boolean check(Page<?> page, String firstItemId) {
        if (firstItemId == null) {
            return false;
        }
        if (firstId == null) {
            firstId = firstItemId;
            firstPage = page.number();
            firstPageItems = page.items().size();
            return false;
        }
        if (page.number() != firstPage && firstId.equals(firstItemId)) {
            listener.listEndedAtRepeatedPage(new RepeatedPage(
                    operation, page.number(), firstPage, firstItemId, firstPageItems, page.requestedSize()));
            return true;
        }
        return false;
    }
}
