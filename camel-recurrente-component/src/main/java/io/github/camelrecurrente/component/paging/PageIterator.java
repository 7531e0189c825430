package io.github.camelrecurrente.component.paging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A lazy iterator over every item of a list operation: it holds one page at a time and fetches the next page only
 * when the current one is used up, so streaming 100 000 checkouts runs in constant memory. It stops when the
 * pagination headers say the last page was reached, or (without headers) at a short or empty page. A later page
 * that starts with the first page's first item ends the iteration there, without its items: the list answered
 * everything at once, as the unpaged lists (intents, webhook endpoints) do ({@link RepeatedPageGuard}, whose
 * listener is told).
 */
public final class PageIterator<T> implements Iterator<T> {

    /** Fetches one page by number. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Page<T> fetch(int pageNumber) throws IOException;
    }

    private final PageFetcher<T> fetcher;
    private final Function<? super T, String> idOf;
    private final RepeatedPageGuard guard;
    private Page<T> page;
    private int index;
    private long pagesFetched;
    private boolean ended;

    /**
     * @param fetcher   fetches a page by number
     * @param firstPage the first page, already fetched (so errors surface at the call, not in the middle of a split)
     */
    public PageIterator(PageFetcher<T> fetcher, Page<T> firstPage) {
        this(fetcher, firstPage, "list", item -> null);
    }

    /**
     * @param fetcher   fetches a page by number
     * @param firstPage the first page, already fetched (so errors surface at the call, not in the middle of a split)
     * @param operation the operation name, for errors
     * @param idOf      the id of an item (or null), to notice an API that answers every page with the first one
     */
    public PageIterator(PageFetcher<T> fetcher, Page<T> firstPage, String operation, Function<? super T, String> idOf) {
        this(fetcher, firstPage, operation, idOf, RepeatedPageGuard.Listener.NONE);
    }

    /**
     * @param fetcher        fetches a page by number
     * @param firstPage      the first page, already fetched (so errors surface at the call, not in the middle of a split)
     * @param operation      the operation name, for the listener
     * @param idOf           the id of an item (or null), to notice a list that answers every page with the first one
     * @param repeatedPages  told when the list ends at a page that repeats the first one
     */
    public PageIterator(
            PageFetcher<T> fetcher,
            Page<T> firstPage,
            String operation,
            Function<? super T, String> idOf,
            RepeatedPageGuard.Listener repeatedPages) {
        this.fetcher = fetcher;
        this.page = firstPage;
        this.pagesFetched = 1;
        this.idOf = idOf;
        this.guard = new RepeatedPageGuard(operation, repeatedPages);
        guard.check(firstPage, firstId(firstPage));
    }

    private String firstId(Page<T> p) {
        return p.items().isEmpty() ? null : idOf.apply(p.items().get(0));
    }

    @Override
    public boolean hasNext() {
        if (ended) {
            return false;
        }
        while (index >= page.items().size()) {
            Integer next = page.nextPage();
            if (next == null || next <= page.number()) {
                return false;
            }
            try {
                page = fetcher.fetch(next);
            } catch (IOException e) {
                throw new UncheckedIOException("Fetching page " + next + " failed: " + e.getMessage(), e);
            }
            pagesFetched++;
            index = 0;
            if (guard.check(page, firstId(page))) {
                ended = true; // the first page was the whole list
                return false;
            }
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.items().get(index++);
    }

    /** How many pages were fetched so far. */
    public long getPagesFetched() {
        return pagesFetched;
    }

    @Override
    public String toString() {
        return "PageIterator[page " + page.number() + ", " + pagesFetched + " pages fetched]";
    }
}
