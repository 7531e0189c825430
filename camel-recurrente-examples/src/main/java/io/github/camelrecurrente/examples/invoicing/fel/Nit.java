package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.Locale;

/**
 * Guatemala's NIT (tax id) as SAT wants it in a document: digits and a check digit {@code 0-9} or {@code K}, no
 * hyphen, no leading zero (XSD pattern {@code ([1-9])+([0-9])*([0-9]|K)}, at most 13 characters).
 * <p>
 * The check digit of a body: multiply its digits from the right by 2, 3, 4, ..., sum, take
 * {@code (11 - sum mod 11) mod 11} and write 10 as {@code K} (SAT rules §2.2.4; INFILE's own NIT 12521337 checks out).
 */
public final class Nit {

    /** The longest NIT the schema takes. */
    public static final int MAX_LENGTH = 13;

    private Nit() {}

    /**
     * Writes a NIT as SAT wants it: spaces, hyphens and dots removed, {@code k} upper-cased, leading zeros removed
     * (they change neither the number nor its check digit). Does not check it: see {@link #problem(String)}.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c != ' ' && c != '-' && c != '.' && !Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        int start = 0;
        while (start < b.length() - 1 && b.charAt(start) == '0') {
            start++;
        }
        return b.substring(start);
    }

    /** @return the check digit ({@code 0-9} or {@code K}) of a NIT's body (its digits without the check digit) */
    public static char checkDigit(String body) {
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a NIT's body has digits only, got '" + body + "'");
            }
            sum += (c - '0') * weight++;
        }
        int digit = (11 - sum % 11) % 11;
        return digit == 10 ? 'K' : (char) ('0' + digit);
    }

    /**
     * @param nit a normalised NIT ({@link #normalise(String)})
     * @return null when it is a valid NIT, else what is wrong with it (one sentence, for an error message)
     */
    public static String problem(String nit) {
        if (nit == null || nit.length() < 2) {
            return "a NIT has at least a digit and a check digit";
        }
        if (nit.length() > MAX_LENGTH) {
            return "a NIT has at most " + MAX_LENGTH + " characters";
        }
        String body = nit.substring(0, nit.length() - 1);
        char given = nit.charAt(nit.length() - 1);
        if (!body.chars().allMatch(c -> c >= '0' && c <= '9') || body.charAt(0) == '0') {
            return "a NIT is digits followed by a check digit (0-9 or K), without hyphen";
        }
        if (!(given >= '0' && given <= '9') && given != 'K') {
            return "a NIT's check digit is 0-9 or K";
        }
        char expected = checkDigit(body);
        if (expected != given) {
            return "the check digit of " + body + " is " + expected + ", not " + given
                    + " (SAT's rule: digits from the right times 2, 3, 4, ...; (11 - sum mod 11) mod 11; 10 is K)";
        }
        return null;
    }
}
