package io.github.camelrecurrente.component.client;

import java.util.Map;

/**
 * One HTTP call to the Recurrente API.
 *
 * @param operation      the operation name, for error messages
 * @param method         GET, POST, PUT, PATCH or DELETE
 * @param path           path below the base URL, starting with '/', id already substituted and encoded
 * @param query          query parameters (not encoded yet), may be empty
 * @param body           JSON body or null
 * @param idempotencyKey value of the Idempotency-Key header or null
 * @param retrySafe      whether 5xx and I/O errors may be retried (safe or idempotent call)
 */
public record ApiRequest(
        String operation,
        String method,
        String path,
        Map<String, String> query,
        byte[] body,
        String idempotencyKey,
        boolean retrySafe) {}
