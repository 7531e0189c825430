package io.github.camelrecurrente.component.client;

import java.nio.charset.StandardCharsets;

import io.github.camelrecurrente.component.paging.PageInfo;

/**
 * The API's answer: status, body bytes and the few response headers the component uses.
 */
public record ApiResponse(int status, byte[] body, String retryAfter, PageInfo pageInfo) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String bodyAsString() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
