package io.github.camelrecurrente.sandbox.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelrecurrente.sandbox.store.Json;
import io.github.camelrecurrente.sandbox.store.Page;
import io.github.camelrecurrente.sandbox.store.ResourceTable;
import io.github.camelrecurrente.sandbox.store.Times;
import io.github.camelrecurrente.sandbox.store.Timestamped;

/**
 * List pagination: query {@code page} (default 1) and {@code items} (default 10, max 100), newest first,
 * headers {@code Link} (rel first/prev/next/last), {@code Current-Page}, {@code Page-Items},
 * {@code Total-Pages}, {@code Total-Count}.
 */
final class Pagination {

    static final int DEFAULT_ITEMS = 10;
    static final int MAX_ITEMS = 100;

    private Pagination() {}

    /** Lists a table with optional time window ({@code from_time}/{@code until_time}) and filter. */
    static <T extends Timestamped> ApiResponse list(
            ApiRequest req,
            ResourceTable<T> table,
            Predicate<T> filter,
            Function<T, JsonNode> view,
            boolean timeWindow) {
        Page<T> page = table.page(filter, from(req, timeWindow), until(req, timeWindow), page(req), items(req));
        ApiResponse resp = ApiResponse.ok(array(page, view));
        headers(req, page, resp.headers());
        return resp;
    }

    /**
     * Lists every matching resource, newest first, in one bare array without paging headers ({@code page} and
     * {@code items} are ignored): for the lists whose documentation shows no paging (intents, webhook endpoints).
     */
    static <T extends Timestamped> ApiResponse all(
            ApiRequest req,
            ResourceTable<T> table,
            Predicate<T> filter,
            Function<T, JsonNode> view,
            boolean timeWindow) {
        Page<T> page = table.page(filter, from(req, timeWindow), until(req, timeWindow), 1, Integer.MAX_VALUE);
        return ApiResponse.ok(array(page, view));
    }

    private static Long from(ApiRequest req, boolean timeWindow) {
        return timeWindow ? micros(Validation.time(req.query().get("from_time"), "from_time")) : null;
    }

    private static Long until(ApiRequest req, boolean timeWindow) {
        return timeWindow ? micros(Validation.time(req.query().get("until_time"), "until_time")) : null;
    }

    private static Long micros(Instant t) {
        return t == null ? null : Times.micros(t);
    }

    private static <T> ArrayNode array(Page<T> page, Function<T, JsonNode> view) {
        ArrayNode arr = Json.array();
        for (T t : page.items()) {
            arr.add(view.apply(t));
        }
        return arr;
    }

    static int page(ApiRequest req) {
        int p = parse(req.query().get("page"), 1);
        return Math.max(1, p);
    }

    static int items(ApiRequest req) {
        int i = parse(req.query().get("items"), DEFAULT_ITEMS);
        if (i < 1) {
            return DEFAULT_ITEMS;
        }
        return Math.min(i, MAX_ITEMS);
    }

    private static int parse(String s, int dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    static void headers(ApiRequest req, Page<?> page, Map<String, String> headers) {
        int last = page.totalPages();
        StringJoiner link = new StringJoiner(", ");
        link.add(link(req, 1, page.pageItems(), "first"));
        if (page.page() > 1) {
            link.add(link(req, Math.min(page.page() - 1, last), page.pageItems(), "prev"));
        }
        if (page.page() < last) {
            link.add(link(req, page.page() + 1, page.pageItems(), "next"));
        }
        link.add(link(req, last, page.pageItems(), "last"));
        headers.put("Link", link.toString());
        headers.put("Current-Page", Integer.toString(page.page()));
        headers.put("Page-Items", Integer.toString(page.pageItems()));
        headers.put("Total-Pages", Integer.toString(last));
        headers.put("Total-Count", Long.toString(page.totalCount()));
    }

    private static String link(ApiRequest req, int page, int items, String rel) {
        StringBuilder sb =
                new StringBuilder("<").append(req.origin()).append(req.path()).append('?');
        for (Map.Entry<String, String> e : req.query().entrySet()) {
            if (!e.getKey().equals("page") && !e.getKey().equals("items")) {
                sb.append(enc(e.getKey())).append('=').append(enc(e.getValue())).append('&');
            }
        }
        sb.append("page=")
                .append(page)
                .append("&items=")
                .append(items)
                .append(">; rel=\"")
                .append(rel)
                .append('"');
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
