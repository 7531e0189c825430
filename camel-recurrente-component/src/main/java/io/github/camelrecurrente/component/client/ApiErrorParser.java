package io.github.camelrecurrente.component.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an error answer into a {@link ApiErrorException}, reading both documented error shapes:
 * {@code {"error": "..."}} (older docs) and {@code {"message": "...", "errors": {"field": ["..."]}}} (current API).
 * A body that is not JSON (a proxy's HTML page) becomes a shortened message.
 */
public final class ApiErrorParser {

    private static final int MAX_TEXT = 300;

    private final ObjectMapper mapper;

    public ApiErrorParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ApiErrorException toException(ApiRequest request, ApiResponse response) {
        String body = response.bodyAsString();
        String message = null;
        Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        JsonNode tree = null;
        try {
            tree = body.isBlank() ? null : mapper.readTree(body);
        } catch (Exception notJson) {
            // not JSON: keep the text
        }
        if (tree != null && tree.isObject()) {
            message = text(tree.get("message"));
            if (message == null) {
                message = text(tree.get("error"));
            }
            JsonNode errors = tree.get("errors");
            if (errors != null && errors.isObject()) {
                errors.fields().forEachRemaining(e -> fieldErrors.put(e.getKey(), messages(e.getValue())));
            } else if (errors != null && errors.isArray()) {
                fieldErrors.put("base", messages(errors));
            } else if (errors != null && errors.isTextual()) {
                fieldErrors.put("base", List.of(errors.asText()));
            }
        } else if (!body.isBlank()) {
            message = body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) + "..." : body;
        }
        return new ApiErrorException(
                response.status(),
                message,
                fieldErrors,
                body,
                request.operation(),
                request.method(),
                request.path(),
                parseRetryAfter(response.retryAfter()));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static List<String> messages(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> list.add(n.isValueNode() ? n.asText() : n.toString()));
        } else {
            list.add(node.isValueNode() ? node.asText() : node.toString());
        }
        return list;
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    public static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
