package io.github.camelrecurrente.examples.operator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.component.RecurrenteApiException;
import io.github.camelrecurrente.component.RecurrenteValidationException;
import io.github.camelrecurrente.examples.ledger.LedgerPostings;
import io.github.camelrecurrente.examples.ledger.RequestRefusedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of the operator endpoints (bean {@code operatorResponses}): JSON bodies and the mapping of a failed
 * operator action to its HTTP status (the {@code onException} of routes/operator/operator-api.yaml).
 */
public final class OperatorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Maps the exception caught on the exchange to a JSON error: {@link RequestRefusedException} (a refund, review, FEL
     * replay or cancellation refused) to its status,
     * an API error of Recurrente to 502 (with the API's status and message), a request the component refused
     * before sending to 400, anything else to 500 (details in the log only).
     */
    public void error(Exchange exchange) {
        answerFailure(exchange);
    }

    /** {@link #error} for code without the bean. */
    public static void answerFailure(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Throwable cause = e;
        while (cause != null
                && !(cause instanceof RequestRefusedException)
                && !(cause instanceof RecurrenteApiException)
                && !(cause instanceof RecurrenteValidationException)) {
            cause = cause.getCause();
        }
        if (cause instanceof RequestRefusedException o) {
            json(exchange, o.getStatus(), o.getCode(), o.getField(), o.getMessage());
        } else if (cause instanceof RecurrenteApiException api) {
            json(
                    exchange,
                    502,
                    "recurrente_api_error",
                    null,
                    "Recurrente answered " + api.getStatusCode()
                            + (api.getApiMessage() == null ? "" : ": " + api.getApiMessage()));
        } else if (cause instanceof RecurrenteValidationException v) {
            json(exchange, 400, "invalid_request", null, v.getMessage());
        } else {
            LOG.error("Operator action {} failed", exchange.getProperty(OperatorGuard.ACTION), e);
            json(exchange, 500, "internal_error", null, "the action failed; see the application log");
        }
        String message = exchange.getMessage().getBody(String.class);
        exchange.setProperty(OperatorGuard.OUTCOME, LedgerPostings.truncate(message, 1000));
    }

    /** Replaces the message by a JSON error answer (every other header but Camel's removed). */
    public static void json(Exchange exchange, int status, String code, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        answer(exchange.getMessage(), status, "application/json", write(body));
    }

    /** Replaces the message by a JSON answer of this object (every other header but Camel's removed). */
    public static void json(Exchange exchange, int status, Object body) {
        answer(exchange.getMessage(), status, "application/json", write(body));
    }

    static void answer(Message m, int status, String contentType, String body) {
        m.removeHeaders("*", "Camel*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, contentType);
        m.setBody(body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON answer", e);
        }
    }
}
