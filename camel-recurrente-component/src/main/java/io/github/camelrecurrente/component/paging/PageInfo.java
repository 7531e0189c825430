package io.github.camelrecurrente.component.paging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pagination headers of a list answer ({@code Link}, {@code Current-Page}, {@code Page-Items}, {@code Total-Pages},
 * {@code Total-Count}). Every field is null when the API did not send it (older API versions send none).
 */
public record PageInfo(Integer currentPage, Integer pageItems, Integer totalPages, Long totalCount, String link) {

    public static final PageInfo NONE = new PageInfo(null, null, null, null, null);

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    private static final Pattern PAGE_PARAM = Pattern.compile("[?&]page=(\\d+)");

    public static PageInfo of(String currentPage, String pageItems, String totalPages, String totalCount, String link) {
        if (currentPage == null && pageItems == null && totalPages == null && totalCount == null && link == null) {
            return NONE;
        }
        return new PageInfo(toInt(currentPage), toInt(pageItems), toInt(totalPages), toLong(totalCount), link);
    }

    /** True when the headers tell whether more pages follow. */
    public boolean isKnown() {
        return (currentPage != null && totalPages != null) || link != null;
    }

    /**
     * The next page number from the headers: from {@code Current-Page}/{@code Total-Pages} when present, else from
     * the {@code rel="next"} link; null when this is the last page or the headers don't say.
     */
    public Integer nextPage() {
        if (currentPage != null && totalPages != null) {
            return currentPage < totalPages ? currentPage + 1 : null;
        }
        if (link != null) {
            Matcher m = NEXT_LINK.matcher(link);
            if (m.find()) {
                Matcher p = PAGE_PARAM.matcher(m.group(1));
                if (p.find()) {
                    return Integer.valueOf(p.group(1));
                }
            }
        }
        return null;
    }

    private static Integer toInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long toLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
