package io.github.camelrecurrente.component.model.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.component.model.RecurrenteJson;

/**
 * Parses Recurrente webhook bodies into typed {@link RecurrenteEvent}s, choosing the class from the event type
 * ({@code event_type}, or {@code type} when {@code event_type} is absent) with {@link #typeFor(String)}.
 * <p>
 * Failures are {@link RecurrenteEventParseException}s with short messages (no Jackson stack in the message):
 * {@code "not JSON: ..."}, {@code "not a JSON object: ..."}, {@code "not a Recurrente event: no event_type/type field"},
 * {@code "cannot read <type> event: ..."}.
 */
public final class RecurrenteEvents {

    private static final int MAX_DETAIL = 200;
    private static final Pattern SOURCE_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private RecurrenteEvents() {}

    /** Parses a raw (UTF-8) webhook body. */
    public static RecurrenteEvent parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new RecurrenteEventParseException("not JSON: empty body");
        }
        JsonNode node;
        try {
            node = RecurrenteJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new RecurrenteEventParseException("not JSON: " + describe(e));
        } catch (IOException e) {
            throw new RecurrenteEventParseException("not JSON: " + shorten(e.getMessage()));
        }
        return parse(node);
    }

    /** Parses a webhook body given as a string. */
    public static RecurrenteEvent parse(String json) {
        if (json == null) {
            throw new RecurrenteEventParseException("not JSON: empty body");
        }
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Maps an already parsed JSON tree. */
    public static RecurrenteEvent parse(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new RecurrenteEventParseException("not JSON: empty body");
        }
        if (!node.isObject()) {
            throw new RecurrenteEventParseException("not a JSON object: got "
                    + node.getNodeType().name().toLowerCase() + " " + shorten(node.toString()));
        }
        String eventType = eventTypeOf(node);
        if (eventType == null) {
            throw new RecurrenteEventParseException("not a Recurrente event: no event_type/type field");
        }
        Class<? extends RecurrenteEvent> type = typeFor(eventType);
        ObjectMapper mapper = RecurrenteJson.mapper();
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new RecurrenteEventParseException("cannot read " + shorten(eventType) + " event: " + describe(e));
        } catch (IllegalArgumentException e) {
            throw new RecurrenteEventParseException(
                    "cannot read " + shorten(eventType) + " event: " + shorten(e.getMessage()));
        }
    }

    /**
     * The event type of a payload: a non-blank textual {@code event_type}, else a non-blank textual {@code type}, else
     * {@code null}.
     */
    public static String eventTypeOf(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String t = text(node.get("event_type"));
        return t != null ? t : text(node.get("type"));
    }

    /** The event class for an event type (by family prefix); unknown or {@code null} types give {@link GenericEvent}. */
    public static Class<? extends RecurrenteEvent> typeFor(String eventType) {
        if (eventType == null) {
            return GenericEvent.class;
        }
        String t = eventType.trim();
        if (t.startsWith(RecurrenteEventTypes.PREFIX_PAYMENT_INTENT)) {
            return PaymentIntentEvent.class;
        } else if (t.startsWith(RecurrenteEventTypes.PREFIX_BANK_TRANSFER_INTENT)) {
            return BankTransferIntentEvent.class;
        } else if (t.startsWith(RecurrenteEventTypes.PREFIX_BALANCE_INTENT)) {
            return BalanceIntentEvent.class;
        } else if (t.startsWith(RecurrenteEventTypes.PREFIX_SUBSCRIPTION)) {
            return SubscriptionEvent.class;
        } else if (t.startsWith(RecurrenteEventTypes.PREFIX_SETUP_INTENT)) {
            return SetupIntentEvent.class;
        } else if (t.startsWith(RecurrenteEventTypes.PREFIX_REFUND)) {
            return RefundEvent.class;
        } else if (t.startsWith(RecurrenteEventTypes.PREFIX_INTENT)) {
            return IntentEvent.class;
        }
        return GenericEvent.class;
    }

    private static String text(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static String describe(JsonProcessingException e) {
        StringBuilder sb = new StringBuilder(shorten(withoutSource(e.getOriginalMessage())));
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            sb.append(" (line ")
                    .append(loc.getLineNr())
                    .append(", column ")
                    .append(loc.getColumnNr())
                    .append(')');
        }
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPathReference();
            if (path != null && !path.isEmpty()) {
                sb.append(" at ")
                        .append(shorten(path.replaceAll(
                                "io\\.github\\.camelrecurrente\\.component\\.model\\.(event\\.)?", "")));
            }
        }
        return sb.toString();
    }

    /**
     * Jackson names an earlier position as {@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`
     * disabled); line: 1, column: 1]} (e.g. where an unclosed object started): only the line and column are kept.
     */
    private static String withoutSource(String s) {
        return s == null ? null : SOURCE_LOCATION.matcher(s).replaceAll("line $1, column $2");
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
