package io.github.camelrecurrente.examples.invoicing.fel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The certifier's {@code identificador} of a document: derived from what the document is for (the payment's or the
 * refund's id), its kind and a revision, and from nothing else, so that every retry, redelivery, restart or replay of
 * one document sends the same value and the certifier answers a repeat with the original ("Documento enviado
 * previamente."). The anulación of a payment's invoice has its own ({@code ANUL-...}).
 * <p>
 * Our choices: {@code KIND-sourceId} (e.g. {@code FACT-pa_abc123}), with {@code -R<n>} for revision n &gt; 0; when the
 * id has other characters than letters, digits, {@code _} and {@code -}, or the result would pass 50 characters (a
 * length every client we read stays under), {@code KIND-} and the first 40 hex digits of the SHA-256 of the id and
 * revision. The revision grows only when the operator replays a document after a final failure with changed data (a
 * rejected document was never certified, so a new identificador cannot make a second invoice).
 */
public final class Identificador {

    /** The longest identificador made. */
    public static final int MAX_LENGTH = 50;

    private Identificador() {}

    /**
     * @param kind the document's kind
     * @param sourceId the payment's id (FACT, ANULACION) or the refund's id (NCRE)
     * @param revision 0 for the first document; more after a final failure replayed with changed data
     */
    public static String of(DocumentKind kind, String sourceId, int revision) {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("a document's source id (payment or refund id) is required");
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision is 0 or more, got " + revision);
        }
        String plain = kind.key() + "-" + sourceId + (revision == 0 ? "" : "-R" + revision);
        if (plain.length() <= MAX_LENGTH && sourceId.matches("[A-Za-z0-9_-]+")) {
            return plain;
        }
        return kind.key() + "-" + sha256Hex(sourceId + "\n" + revision).substring(0, 40);
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
