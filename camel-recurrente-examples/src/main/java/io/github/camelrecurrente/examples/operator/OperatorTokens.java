package io.github.camelrecurrente.examples.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator bearer tokens ({@code examples.ops.token}): a comma-separated list of {@code label:token} (or a bare
 * {@code token}, label {@code operator}). The label names the token holder in the audit table; the token itself is
 * kept only as a SHA-256 digest, compared in constant time, and never appears in {@link #toString()}, a log or an
 * exception message.
 */
public final class OperatorTokens {

    /** Label of a token given without one. */
    public static final String DEFAULT_LABEL = "operator";
    /** Shortest accepted token (a random token of 32 base64url characters is what {@link #generate()} makes). */
    public static final int MIN_TOKEN_LENGTH = 24;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Entry> entries;

    private record Entry(String label, byte[] digest) {}

    private OperatorTokens(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Parses {@code examples.ops.token}.
     *
     * @throws IllegalArgumentException naming the property and the rule broken (never the token)
     */
    public static OperatorTokens parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("examples.ops.token is empty: set EXAMPLES_OPS_TOKEN to label:token");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        int position = 0;
        for (String part : spec.split(",")) {
            position++;
            String item = part.trim();
            int colon = item.indexOf(':');
            String label = colon < 0 ? DEFAULT_LABEL : item.substring(0, colon).trim();
            String token = colon < 0 ? item : item.substring(colon + 1).trim();
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("examples.ops.token entry " + position
                        + ": the label must be 1-64 characters of A-Z a-z 0-9 . _ -");
            }
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("examples.ops.token entry " + position + " (label " + label
                        + "): the token must be at least " + MIN_TOKEN_LENGTH + " characters long");
            }
            if (!labels.add(label)) {
                throw new IllegalArgumentException("examples.ops.token: the label " + label + " is used twice");
            }
            entries.add(new Entry(label, sha256(token)));
        }
        return new OperatorTokens(List.copyOf(entries));
    }

    /** A new random token (32 bytes from {@link SecureRandom}, base64url). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The label of the presented token, or {@code null}. Every configured token is compared (no early exit) through
     * fixed-length digests with {@link MessageDigest#isEqual}, so the time taken does not tell how much of a token
     * was right, nor which one.
     */
    public String labelOf(String presented) {
        if (presented == null) {
            return null;
        }
        byte[] digest = sha256(presented.trim());
        String match = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), digest) && match == null) {
                match = e.label();
            }
        }
        return match;
    }

    /** @return the labels, in configuration order */
    public List<String> labels() {
        return entries.stream().map(Entry::label).toList();
    }

    @Override
    public String toString() {
        return "OperatorTokens" + labels();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
