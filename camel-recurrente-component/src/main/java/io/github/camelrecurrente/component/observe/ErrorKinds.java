package io.github.camelrecurrente.component.observe;

import java.io.IOException;
import java.io.InterruptedIOException;

/** The {@code status} and {@code error} tag values of an API call: small fixed vocabularies. */
final class ErrorKinds {

    private ErrorKinds() {}

    /** {@code 2xx}, {@code 4xx}, {@code 5xx}, ... or {@code none} when there was no HTTP answer. */
    static String statusClass(int status) {
        if (status < 100 || status > 599) {
            return "none";
        }
        return (status / 100) + "xx";
    }

    /** {@code none} on success, else what went wrong. */
    static String errorKind(int status, Throwable failure) {
        if (failure == null) {
            return "none";
        }
        if (status == 0) {
            if (failure instanceof InterruptedIOException) {
                return "timeout";
            }
            return failure instanceof IOException ? "io" : "other";
        }
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "server_error" : status >= 400 ? "client_error" : "unexpected_status";
        };
    }
}
