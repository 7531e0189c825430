package io.github.camelrecurrente.component.converter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.RecurrenteObject;
import io.github.camelrecurrente.component.model.WebhookEndpoint;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.TypeConversionException;
import org.apache.camel.TypeConverter;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Camel type converters for the Recurrente models, so typed results travel on the way Camel users pass bodies:
 * <ul>
 * <li>every model, request and webhook event ({@link RecurrenteObject} and its subclasses) to JSON as
 * {@code String}, {@code byte[]} and {@code InputStream}, written by {@link RecurrenteJson#mapper()} (the API's
 * snake_case, ISO-8601 dates, nulls left out, undeclared properties kept); a {@code List} of them (a list
 * operation's page) becomes a JSON array;</li>
 * <li>JSON ({@code String}, {@code byte[]}, {@code InputStream}, {@code Reader}, stream caches), a Jackson tree or
 * a {@code Map} to any model class, request types included ({@code CheckoutRequest}, {@code RefundRequest}...), and
 * to {@code RecurrenteEvent} (the subclass is chosen from the event type).</li>
 * </ul>
 * These conversions also serve Camel's logging ({@code ${body}}, the log component, tracing), so a
 * {@link WebhookEndpoint}'s {@code signingSecret} is written as {@code "****"}; read it with
 * {@link WebhookEndpoint#getSigningSecret()}.
 * Input that cannot be read fails with a {@link RecurrenteConversionException} naming the field and what was
 * wrong, never with a Jackson stack trace in the message.
 */
@Converter(generateLoader = true)
public final class RecurrenteTypeConverters {

    static final String MASK = "****";
    private static final String SIGNING_SECRET = "signingSecret";

    private RecurrenteTypeConverters() {}

    /** A model, request or event as its JSON text. */
    @Converter
    public static String toJsonString(RecurrenteObject value) {
        return new String(toJsonBytes(value), StandardCharsets.UTF_8);
    }

    /** A model, request or event as UTF-8 JSON bytes (a webhook endpoint's signing secret masked). */
    @Converter
    public static byte[] toJsonBytes(RecurrenteObject value) {
        try {
            if (hasSecret(value)) {
                return RecurrenteJson.mapper().writeValueAsBytes(masked((WebhookEndpoint) value));
            }
            return RecurrenteJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RecurrenteConversionException(
                    value.getClass().getSimpleName() + " cannot be written as JSON: " + JsonProblems.describe(e));
        }
    }

    /**
     * The endpoint's JSON with {@code signingSecret} replaced by {@value #MASK}: these conversions also feed Camel's
     * logging ({@code ${body}}, the log component, tracing), and the secret never goes to a log. Our choice; the
     * secret stays available as {@link WebhookEndpoint#getSigningSecret()}.
     */
    private static boolean hasSecret(Object value) {
        return value instanceof WebhookEndpoint endpoint && endpoint.getSigningSecret() != null;
    }

    private static ObjectNode masked(WebhookEndpoint endpoint) {
        ObjectNode tree = RecurrenteJson.mapper().valueToTree(endpoint);
        tree.put(SIGNING_SECRET, MASK);
        return tree;
    }

    /** A model, request or event as a stream of UTF-8 JSON bytes. */
    @Converter
    public static InputStream toJsonInputStream(RecurrenteObject value) {
        return new ByteArrayInputStream(toJsonBytes(value));
    }

    /**
     * Fallback: JSON or a {@code Map} to a model class, and a list of models to a JSON {@code String}, {@code byte[]}
     * or {@code InputStream}. Returns {@code null} (not converted) for anything else, so other converters still run.
     */
    @Converter(fallback = true)
    public static Object convertTo(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (value == null) {
            return null;
        }
        if (RecurrenteObject.class.isAssignableFrom(type)) {
            return readModel(type, value, exchange, registry);
        }
        if ((type == String.class || type == byte[].class || type == InputStream.class)
                && value instanceof Collection<?> list
                && isModelList(list)) {
            byte[] json = writeList(list);
            if (type == byte[].class) {
                return json;
            }
            return type == String.class ? new String(json, StandardCharsets.UTF_8) : new ByteArrayInputStream(json);
        }
        return null;
    }

    private static Object readModel(Class<?> type, Object value, Exchange exchange, TypeConverterRegistry registry) {
        String target = type.getSimpleName();
        try {
            if (value instanceof Map<?, ?> map) {
                return RecurrenteJson.mapper().convertValue(map, type);
            }
            if (value instanceof JsonNode node) {
                return RecurrenteJson.mapper().treeToValue(node, type);
            }
            byte[] json = jsonBytes(value, exchange, registry);
            if (json == null) {
                return null;
            }
            if (json.length == 0 || new String(json, StandardCharsets.UTF_8).isBlank()) {
                throw new RecurrenteConversionException(target + ": body is empty, expected a JSON object");
            }
            return RecurrenteJson.mapper().readValue(json, type);
        } catch (RecurrenteConversionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonProcessingException jpe ? jpe : e;
            throw new RecurrenteConversionException(target + ": " + JsonProblems.describe(cause));
        } catch (JsonProcessingException e) {
            throw new RecurrenteConversionException(target + ": " + JsonProblems.describe(e));
        } catch (IOException e) {
            throw new RecurrenteConversionException(target + ": the body could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof TypeConversionException) {
                throw e;
            }
            // e.g. RecurrenteEventParseException: already a short, field-naming message
            throw new RecurrenteConversionException(target + ": " + JsonProblems.firstLine(e.getMessage()));
        }
    }

    /** The JSON text of a body that carries text, or null when the body is not text at all. */
    private static byte[] jsonBytes(Object value, Exchange exchange, TypeConverterRegistry registry)
            throws IOException {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof InputStream in) {
            byte[] bytes = in.readAllBytes();
            if (value instanceof StreamCache cache) {
                cache.reset(); // a cached body can be read again after the conversion
            }
            return bytes;
        }
        if (value instanceof Reader || value instanceof StreamCache || value instanceof ByteBuffer) {
            TypeConverter toBytes = registry.lookup(byte[].class, value.getClass());
            return toBytes == null ? null : toBytes.convertTo(byte[].class, exchange, value);
        }
        return null;
    }

    private static boolean isModelList(Collection<?> list) {
        if (list.isEmpty()) {
            return false;
        }
        for (Object o : list) {
            if (!(o instanceof RecurrenteObject)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] writeList(Collection<?> list) {
        try {
            if (list.stream().noneMatch(RecurrenteTypeConverters::hasSecret)) {
                return RecurrenteJson.mapper().writeValueAsBytes(list);
            }
            ArrayNode array = RecurrenteJson.mapper().createArrayNode();
            for (Object item : list) {
                array.add(
                        hasSecret(item)
                                ? masked((WebhookEndpoint) item)
                                : RecurrenteJson.mapper().valueToTree(item));
            }
            return RecurrenteJson.mapper().writeValueAsBytes(array);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RecurrenteConversionException("list cannot be written as JSON: " + JsonProblems.describe(e));
        }
    }

    /** Short descriptions of Jackson problems: the JSON path of the field and the first line of the reason. */
    static final class JsonProblems {

        private JsonProblems() {}

        static String describe(Throwable e) {
            StreamReadException syntax = syntaxProblem(e);
            if (syntax != null) {
                JsonLocation at = syntax.getLocation();
                String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                String reason = firstLine(syntax.getOriginalMessage());
                int detail = reason.indexOf(" (for ");
                return "not valid JSON" + where + ": " + (detail > 0 ? reason.substring(0, detail) : reason);
            }
            if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
                return "field " + path(jme) + " " + reason(jme);
            }
            if (e instanceof JsonProcessingException jpe) {
                return "not valid JSON: " + firstLine(jpe.getOriginalMessage());
            }
            return firstLine(e.getMessage());
        }

        private static StreamReadException syntaxProblem(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof StreamReadException sre) {
                    return sre;
                }
            }
            return null;
        }

        private static String reason(JsonMappingException e) {
            String message = firstLine(e.getOriginalMessage());
            if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                return "cannot be read as " + mie.getTargetType().getSimpleName() + ": " + message;
            }
            return message;
        }

        private static String path(JsonMappingException e) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                } else if (ref.getFieldName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(ref.getFieldName());
                }
            }
            return sb.toString();
        }

        static String firstLine(String message) {
            if (message == null) {
                return "unreadable";
            }
            String line = message.lines().findFirst().orElse(message);
            return line.length() > 200 ? line.substring(0, 200) + "..." : line;
        }
    }
}
