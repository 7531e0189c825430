package io.github.camelrecurrente.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One API request seen by the sandbox (journal entry). Header names are lower case.
 * {@link #toString()} masks the secret key.
 *
 * @param method    HTTP method
 * @param path      path, e.g. {@code /api/checkouts}
 * @param query     raw query string or {@code null}
 * @param headers   request headers (lower-case names)
 * @param body      request body bytes
 * @param status    response status code sent
 * @param timestamp when the request arrived
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        byte[] body,
        int status,
        Instant timestamp) {

    /** @return the first value of a header (case-insensitive name) or {@code null} */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + ", secretKey=" + SandboxAccount.mask(header("x-secret-key")) + ", body=" + body.length + " bytes]";
    }
}
