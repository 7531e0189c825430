package io.github.camelrecurrente.component.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelrecurrente.component.model.RecurrenteJson;

/**
 * Everything the client needs to know about one API operation, built once per operation: HTTP method, path template,
 * request root, list envelope, retry safety, pollability, the list filters it accepts and the result type (with its
 * Jackson readers, built on first use). Every caller (producer, polling, webhook registration, refetch) sends its
 * calls from this spec through {@link RecurrenteApi}.
 */
public final class ApiOperation {

    /** The HTTP method; {@link #UPDATE} is PATCH or PUT, as the endpoint's updateMethod option says. */
    public enum Method {
        GET,
        POST,
        PUT,
        DELETE,
        UPDATE
    }

    /** When a call may be sent again after a 5xx or an I/O error (429 is always retried: nothing was processed). */
    public enum RetrySafety {
        /** Reads, updates and deletes: safe or idempotent. */
        ALWAYS,
        /** Creates: never, a second call could create a second object. */
        NEVER,
        /** Creates the API de-duplicates by the body's {@code external_id}: safe when the body carries one. */
        WITH_EXTERNAL_ID
    }

    private final String name;
    private final Method method;
    private final String pathTemplate;
    private final Class<?> resultType;
    private final boolean list;
    private final String requestRoot;
    private final String listEnvelope;
    private final RetrySafety retrySafety;
    private final boolean pollable;
    private final Set<String> listFilters;
    // Built on first use: building every reader up front resolved the deserializer of every model at startup (about
    // 325 classes and 150-200 ms on 2 cores, for operations most apps never call). A race builds an equivalent
    // reader twice, which is harmless (readers are immutable).
    private volatile ObjectReader singleReader;
    private volatile ObjectReader listReader;

    private ApiOperation(String name, Builder b) {
        this.name = name;
        this.method = b.method;
        this.pathTemplate = b.pathTemplate;
        this.resultType = b.resultType;
        this.list = b.list;
        this.requestRoot = b.requestRoot;
        this.listEnvelope = b.listEnvelope;
        this.retrySafety = b.retrySafety != null
                ? b.retrySafety
                : b.method == Method.POST ? RetrySafety.NEVER : RetrySafety.ALWAYS;
        this.pollable = b.pollable;
        this.listFilters = b.listFilters;
    }

    /** Starts a spec: method, path template (with {@code {id}}) and result (element) type. */
    public static Builder builder(Method method, String pathTemplate, Class<?> resultType) {
        return new Builder(method, pathTemplate, resultType);
    }

    public String name() {
        return name;
    }

    public Method method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    public Class<?> resultType() {
        return resultType;
    }

    public boolean isList() {
        return list;
    }

    public boolean needsId() {
        return pathTemplate.contains("{id}");
    }

    public boolean hasBody() {
        return method == Method.POST || method == Method.PUT || method == Method.UPDATE;
    }

    public boolean isCreate() {
        return method == Method.POST;
    }

    /** The key the API expects the request object under, or null for a flat body. */
    public String requestRoot() {
        return requestRoot;
    }

    /** The key a list answer is wrapped in, or null for a bare JSON array. */
    public String listEnvelope() {
        return listEnvelope;
    }

    public boolean isPollable() {
        return pollable;
    }

    /** Whether the list operation accepts the query filter ({@code from_time}, {@code until_time}, {@code user_id}). */
    public boolean acceptsFilter(String queryParameter) {
        return listFilters.contains(queryParameter);
    }

    /** Whether a call with this body may be retried after a 5xx or an I/O error. */
    public boolean isRetrySafe(JsonNode body) {
        return switch (retrySafety) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WITH_EXTERNAL_ID -> body != null && body.hasNonNull("external_id");
        };
    }

    /** The HTTP method actually sent, given the configured update method (PATCH unless it says PUT). */
    public String httpMethod(String updateMethod) {
        return method == Method.UPDATE ? "PUT".equalsIgnoreCase(updateMethod) ? "PUT" : "PATCH" : method.name();
    }

    /**
     * The path below the base URL for a resource id (URL-encoded); the id is ignored by operations without one.
     *
     * @throws IllegalArgumentException when the operation needs an id and none is given
     */
    public String path(String id) {
        if (!needsId()) {
            return pathTemplate;
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Operation " + name + " needs a resource id");
        }
        return pathTemplate.replace("{id}", encode(id.trim()));
    }

    /** Encodes one path segment or query value (spaces as {@code %20}): the only URL encoding of the client. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    ObjectReader singleReader() {
        ObjectReader r = singleReader;
        if (r == null) {
            r = RecurrenteJson.mapper().readerFor(resultType);
            singleReader = r;
        }
        return r;
    }

    ObjectReader listReader() {
        ObjectReader r = listReader;
        if (r == null) {
            r = RecurrenteJson.mapper().readerForListOf(resultType);
            listReader = r;
        }
        return r;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds an {@link ApiOperation}; every setting but the three of {@link #builder} is optional. */
    public static final class Builder {
        private final Method method;
        private final String pathTemplate;
        private final Class<?> resultType;
        private boolean list;
        private String requestRoot;
        private String listEnvelope;
        private RetrySafety retrySafety;
        private boolean pollable;
        private Set<String> listFilters = Set.of();

        private Builder(Method method, String pathTemplate, Class<?> resultType) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.resultType = resultType;
        }

        /** A list operation; {@code envelope} is the key the array is wrapped in, or null for a bare array. */
        public Builder list(String envelope) {
            this.list = true;
            this.listEnvelope = envelope;
            return this;
        }

        public Builder requestRoot(String root) {
            this.requestRoot = root;
            return this;
        }

        public Builder retrySafety(RetrySafety safety) {
            this.retrySafety = safety;
            return this;
        }

        public Builder pollable() {
            this.pollable = true;
            return this;
        }

        public Builder filters(String... queryParameters) {
            this.listFilters = Set.of(queryParameters);
            return this;
        }

        /** The spec of the operation of that name. */
        public ApiOperation build(String name) {
            return new ApiOperation(name, this);
        }
    }
}
