package io.github.camelrecurrente.component.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One list call, possibly over several pages: the only place that builds a list query. Filters go first, then
 * {@code page} (only when it is not the first page or the caller named a page) and {@code items} (only when the
 * caller named a size or reads every page).
 *
 * @param operation the list operation
 * @param filters   the query filters (see {@link #filters}), never null
 * @param page      the page the caller named, or null (page 1, not sent)
 * @param items     the page size the caller named (1 to {@value #MAX_ITEMS}), or null
 * @param allPages  whether every page will be read (then the page size is {@value #MAX_ITEMS} unless named)
 */
public record ListRequest(
        ApiOperation operation, Map<String, String> filters, Integer page, Integer items, boolean allPages) {

    /** The API's largest page. */
    public static final int MAX_ITEMS = 100;
    /** The API's page size when none is sent. */
    public static final int API_DEFAULT_PAGE_SIZE = 10;

    /**
     * @throws InvalidRequestException when items or page is out of range
     */
    public ListRequest {
        if (!operation.isList()) {
            throw new IllegalArgumentException(operation + " is not a list operation");
        }
        filters = filters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        String rule = itemsRule(items);
        if (rule != null) {
            throw new InvalidRequestException(operation.name(), "items", rule);
        }
        if (page != null && page < 1) {
            throw new InvalidRequestException(operation.name(), "page", "must be 1 or more, was " + page);
        }
    }

    /** The rule a page size breaks ({@code must be between 1 and 100, was 0}), or null when it is fine or unset. */
    public static String itemsRule(Integer items) {
        return items != null && (items < 1 || items > MAX_ITEMS)
                ? "must be between 1 and " + MAX_ITEMS + ", was " + items
                : null;
    }

    /**
     * The query filters the operation accepts among {@code from_time}, {@code until_time} and {@code user_id};
     * blank values are left out.
     */
    public static Map<String, String> filters(ApiOperation op, String fromTime, String untilTime, String userId) {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, op, "from_time", fromTime);
        put(q, op, "until_time", untilTime);
        put(q, op, "user_id", userId);
        return q;
    }

    private static void put(Map<String, String> q, ApiOperation op, String key, String value) {
        if (value != null && !value.isBlank() && op.acceptsFilter(key)) {
            q.put(key, value);
        }
    }

    /** The page size asked for (or assumed: the API's default when none is sent). */
    public int size() {
        return items != null ? items : allPages ? MAX_ITEMS : API_DEFAULT_PAGE_SIZE;
    }

    /** The first page to read. */
    public int firstPage() {
        return page != null ? page : 1;
    }

    /** The query of one page. */
    public Map<String, String> query(int number) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        if (number != 1 || page != null) {
            query.put("page", Integer.toString(number));
        }
        if (items != null || allPages) {
            query.put("items", Integer.toString(size()));
        }
        return query;
    }
}
