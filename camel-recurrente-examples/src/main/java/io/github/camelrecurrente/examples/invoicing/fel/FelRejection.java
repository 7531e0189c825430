package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The certifier answered, and did not certify: the document is not valid ({@code resultado: false} with its
 * {@code descripcion_errores}), the credentials were refused, or the request was refused (other 4xx). Final for this
 * document: sending it again would get the same answer, so the route sends it to the dead letters with every message
 * and does not retry.
 */
public final class FelRejection extends FelFailure {

    private static final long serialVersionUID = 1L;

    /** Our code when the certifier refused the credentials (HTTP 401/403). */
    public static final String CREDENTIALS_REFUSED = "CERTIFIER_CREDENTIALS_REFUSED";
    /** Our code when the certifier refused the request with another 4xx. */
    public static final String REQUEST_REFUSED = "CERTIFIER_REQUEST_REFUSED";
    /** Our code when the certifier's messages name no SAT code. */
    public static final String DOCUMENT_REJECTED = "CERTIFIER_REJECTED";

    private static final Pattern SAT_CODE = Pattern.compile("FEL_[A-Z]{3}\\d{1,3}");

    private final String identificador;
    private final String code;
    private final String reason;
    private final String operatorAction;
    private final transient List<CertifierMessage> messages;

    private FelRejection(
            String identificador, String code, String reason, String operatorAction, List<CertifierMessage> messages) {
        super(code + ": " + reason + " (identificador " + identificador + "). Operator: " + operatorAction, null);
        this.identificador = identificador;
        this.code = code;
        this.reason = reason;
        this.operatorAction = operatorAction;
        this.messages = List.copyOf(messages);
    }

    /** {@code resultado: false}: the certifier (or SAT through it) found the document not valid. */
    public static FelRejection invalidDocument(
            String certifier, String identificador, List<CertifierMessage> messages) {
        String text = messages.isEmpty()
                ? "no message given"
                : messages.stream().map(CertifierMessage::toString).collect(Collectors.joining("; "));
        String code = DOCUMENT_REJECTED;
        for (CertifierMessage m : messages) {
            Matcher matcher = SAT_CODE.matcher(m.message() + " " + m.validation() + " " + m.numeral());
            if (matcher.find()) {
                code = matcher.group();
                break;
            }
        }
        return new FelRejection(
                identificador,
                code,
                certifier + " did not certify the document: " + text,
                "correct what the messages name (buyer's NIT, amounts, emitter settings fel.emisor.*) and replay the"
                        + " document from the status page",
                messages);
    }

    /** HTTP 401/403: the certifier refused the credentials. */
    public static FelRejection credentialsRefused(String certifier, String identificador, int status) {
        return new FelRejection(
                identificador,
                CREDENTIALS_REFUSED,
                certifier + " refused the credentials (HTTP " + status + ")",
                "check fel.infile.usuario-firma, fel.infile.llave-firma, fel.infile.usuario-api and"
                        + " fel.infile.llave-api (environment FEL_INFILE_*), restart, then replay from the status page",
                List.of());
    }

    /** Another 4xx: the certifier refused the request itself. */
    public static FelRejection requestRefused(String certifier, String identificador, int status, String excerpt) {
        return new FelRejection(
                identificador,
                REQUEST_REFUSED,
                certifier + " refused the request (HTTP " + status + "): " + excerpt,
                "check fel.infile.url and the certifier's status, then replay from the status page",
                List.of());
    }

    /** @return the identificador of the document */
    public String identificador() {
        return identificador;
    }

    /** @return every message of the certifier, in its order (empty when it gave none) */
    public List<CertifierMessage> messages() {
        return messages == null ? List.of() : messages;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String operatorAction() {
        return operatorAction;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
