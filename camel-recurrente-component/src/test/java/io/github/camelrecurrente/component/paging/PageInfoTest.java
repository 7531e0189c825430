package io.github.camelrecurrente.component.paging;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageInfoTest {

    @Test
    void nextPageFromCurrentAndTotalPages() {
        assertEquals(3, PageInfo.of("2", "10", "5", "45", null).nextPage());
        assertNull(PageInfo.of("5", "10", "5", "45", null).nextPage());
    }

    @Test
    void nextPageFromLinkHeaderAlone() {
        String link = "<https://app.recurrente.com/api/checkouts?page=1&items=10>; rel=\"first\", "
                + "<https://app.recurrente.com/api/checkouts?page=4&items=10>; rel=\"next\", "
                + "<https://app.recurrente.com/api/checkouts?page=9&items=10>; rel=\"last\"";
        PageInfo info = PageInfo.of(null, null, null, null, link);
        assertTrue(info.isKnown());
        assertEquals(4, info.nextPage());
        assertNull(PageInfo.of(
                        null,
                        null,
                        null,
                        null,
                        "<https://x/api/checkouts?page=1>; rel=\"first\", <https://x/api/checkouts?page=1>; rel=\"last\"")
                .nextPage());
    }

    @Test
    void withoutHeadersAFullPageHasANextAndAShortPageIsTheLast() {
        List<Integer> full = new ArrayList<>(List.of(1, 2, 3));
        assertFalse(PageInfo.NONE.isKnown());
        assertEquals(2, new Page<>(full, 1, 3, PageInfo.NONE).nextPage());
        assertNull(new Page<>(List.of(1, 2), 2, 3, PageInfo.NONE).nextPage());
        assertNull(new Page<>(List.of(), 2, 3, PageInfo.NONE).nextPage());
    }

    @Test
    void iteratorWithoutHeadersStopsAtTheShortPage() {
        List<Integer> fetched = new ArrayList<>();
        PageIterator<Integer> it = new PageIterator<>(
                n -> {
                    fetched.add(n);
                    List<Integer> items = n < 3 ? List.of(n * 10, n * 10 + 1) : List.of(n * 10);
                    return new Page<>(items, n, 2, PageInfo.NONE);
                },
                new Page<>(List.of(1, 2), 1, 2, PageInfo.NONE));
        List<Integer> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        assertEquals(List.of(1, 2, 20, 21, 30), all);
        assertEquals(List.of(2, 3), fetched);
        assertEquals(3, it.getPagesFetched());
    }

    @Test
    void unreadableHeadersAreIgnored() {
        PageInfo info = PageInfo.of("abc", "", null, "x", null);
        assertNull(info.currentPage());
        assertNull(info.totalCount());
    }
}
