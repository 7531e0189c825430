package io.github.camelrecurrente.component.model;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson configuration used for every Recurrente payload (API requests/responses and webhook events).
 * <p>
 * Configuration:
 * <ul>
 * <li>property naming {@code SNAKE_CASE} (every model also carries explicit {@code @JsonProperty} names, so the
 * models keep working with a differently configured mapper; webhook endpoints are Svix camelCase);</li>
 * <li>unknown properties never fail (and every model keeps them in its additional properties);</li>
 * <li>empty strings become {@code null} for objects, numbers, booleans, enums and dates ({@code "billing_interval":
 * ""} on a {@code String} stays {@code ""});</li>
 * <li>numeric strings coerce to numbers ({@code "total_in_cents": "500"}), a single value is accepted where an
 * array is expected;</li>
 * <li>dates are {@link OffsetDateTime}, written as ISO-8601 strings with the <em>original</em> offset
 * ({@code -06:00} and {@code Z} both round-trip); date parsing is lenient (offset date-time, local date-time and
 * plain dates are taken as UTC, epoch seconds/millis accepted);</li>
 * <li>{@code NON_NULL} inclusion on serialisation (request objects never send nulls; {@code null} values
 * <em>inside</em> maps, e.g. metadata keys to delete, are kept);</li>
 * <li>trailing garbage after the JSON value is an error.</li>
 * </ul>
 * The shared instance returned by {@link #mapper()} is thread-safe; do not reconfigure it (use {@link #newMapper()}
 * to get a private copy to customise).
 */
public final class RecurrenteJson {

    private static final ObjectMapper MAPPER = newMapper();

    private RecurrenteJson() {}

    /** The shared, pre-configured, thread-safe mapper. Never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with the same configuration as {@link #mapper()}. */
    public static ObjectMapper newMapper() {
        SimpleModule lenientDates = new SimpleModule("recurrente-lenient-dates");
        lenientDates.addDeserializer(OffsetDateTime.class, new LenientOffsetDateTimeDeserializer());
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                .addModule(new JavaTimeModule())
                .addModule(lenientDates)
                .build();
        // "" -> null for everything that is not a String (objects, numbers, booleans, enums, dates, collections)
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull)
                .setAcceptBlankAsEmpty(Boolean.TRUE);
        return mapper;
    }

    /**
     * Lenient {@link OffsetDateTime} reader: ISO offset/zoned date-times keep their offset; local date-times and
     * plain dates are taken as UTC; numbers are epoch seconds (or millis when they are too big to be seconds);
     * empty strings are {@code null}.
     */
    static final class LenientOffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

        private static final long serialVersionUID = 1L;
        private static final long MILLIS_THRESHOLD = 100_000_000_000L; // year 5138 in seconds

        LenientOffsetDateTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                long v = p.getValueAsLong();
                Instant instant = Math.abs(v) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
                return instant.atOffset(ZoneOffset.UTC);
            }
            if (t == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                if (text.isEmpty()) {
                    return null;
                }
                OffsetDateTime parsed = parse(text);
                if (parsed != null) {
                    return parsed;
                }
                return (OffsetDateTime)
                        ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not an ISO-8601 date-time");
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
        }

        static OffsetDateTime parse(String text) {
            OffsetDateTime fast = IsoOffsetDateTimes.parse(text);
            return fast != null ? fast : parseWithFormatters(text);
        }

        /** The general path: every shape the lenient reader accepts, through {@link DateTimeFormatter}s. */
        static OffsetDateTime parseWithFormatters(String text) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeException ignored) {
                // try the next shape
            }
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME)
                        .toOffsetDateTime();
            } catch (DateTimeException ignored) {
                // try the next shape
            }
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .atOffset(ZoneOffset.UTC);
            } catch (DateTimeException ignored) {
                // try the next shape
            }
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
                        .atStartOfDay()
                        .atOffset(ZoneOffset.UTC);
            } catch (DateTimeException ignored) {
                return null;
            }
        }
    }
}
