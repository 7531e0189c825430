package io.github.camelrecurrente.component.model.event;

/**
 * A webhook body that cannot be turned into a {@link RecurrenteEvent}. The message says why, briefly:
 * {@code "not JSON: ..."}, {@code "not a JSON object: ..."}, {@code "not a Recurrente event: no event_type/type field"},
 * or {@code "cannot read <event type> event: ..."} (a field of a known event has an impossible value).
 */
public class RecurrenteEventParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RecurrenteEventParseException(String message) {
        super(message);
    }

    public RecurrenteEventParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
