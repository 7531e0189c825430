package io.github.camelrecurrente.sandbox.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON API answer.
 *
 * @param status  HTTP status
 * @param body    JSON body
 * @param headers extra response headers
 */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

    /** 200 with a body. */
    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, new LinkedHashMap<>());
    }

    /** 201 with a body. */
    public static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, body, new LinkedHashMap<>());
    }
}
