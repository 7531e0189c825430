package io.github.camelrecurrente.component.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Svix (Standard Webhooks) signatures as Recurrente sends them: {@code svix-signature} holds one or more
 * space-separated {@code v1,<base64>} entries, each {@code base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))}
 * where the key is the base64-decoded part of a {@code whsec_...} secret after the prefix. A signature matching any
 * entry with any of the configured secrets passes (constant-time comparison), and the timestamp must be within the
 * tolerance in both directions.
 * <p>
 * The keys are decoded once; each thread keeps its own initialised {@link Mac} per secret, so verifying allocates only
 * the few bytes of the signed prefix and the decoded candidate signatures. Thread-safe. Never prints a secret.
 */
public final class SvixSignatureVerifier {

    /** Outcome of a verification; {@link #reason()} is a short text safe to return to the sender. */
    public enum Result {
        VALID("ok"),
        MISSING_HEADERS("missing signature headers"),
        BAD_TIMESTAMP("invalid timestamp"),
        STALE_TIMESTAMP("timestamp outside tolerance"),
        NO_MATCH("invalid signature");

        private final String reason;

        Result(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_LENGTH = 32;

    private final byte[][] keys;
    private final long toleranceSeconds;
    private final ThreadLocal<Mac[]> macs;
    /**
     * One initialised {@link Mac} per secret, cloned for each thread. Built on the first verification, not at route
     * start: setting up the JCA providers costs about 0.1 s in a cold JVM, which an application should not pay before
     * its first delivery arrives.
     */
    private volatile Mac[] prototypes;

    private SvixSignatureVerifier(List<byte[]> keys, long toleranceSeconds) {
        this.keys = keys.toArray(new byte[0][]);
        this.toleranceSeconds = toleranceSeconds;
        this.macs = ThreadLocal.withInitial(this::cloneMacs);
    }

    /**
     * A verifier for one or more secrets given as a comma separated list of {@code whsec_<base64>} values (the prefix
     * is optional).
     *
     * @throws IllegalArgumentException when the list or one of its entries is empty, {@code whsec_} only, or not base64;
     *                                  the message names the entry by position, never by value
     */
    public static SvixSignatureVerifier of(String secrets, long toleranceSeconds) {
        return of(splitSecrets(secrets), toleranceSeconds);
    }

    /** A verifier for the given secrets (each {@code whsec_<base64>}); see {@link #of(String, long)}. */
    public static SvixSignatureVerifier of(List<String> secrets, long toleranceSeconds) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("the webhook signing secret is empty");
        }
        if (toleranceSeconds < 0) {
            throw new IllegalArgumentException("toleranceSeconds must not be negative, got " + toleranceSeconds);
        }
        List<byte[]> keys = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            keys.add(decodeKey(
                    secrets.get(i),
                    secrets.size() == 1 ? "the webhook signing secret" : "webhook signing secret #" + (i + 1)));
        }
        return new SvixSignatureVerifier(keys, toleranceSeconds);
    }

    /**
     * Splits a comma separated secret list into its entries, as given (empty entries kept, so they can be reported;
     * surrounding whitespace is handled when decoding).
     */
    public static List<String> splitSecrets(String secrets) {
        List<String> out = new ArrayList<>();
        if (secrets == null || secrets.isBlank()) {
            return out;
        }
        for (String s : secrets.split(",", -1)) {
            out.add(s);
        }
        return out;
    }

    /**
     * Checks that a secret is usable (non-empty base64 after the optional {@code whsec_} prefix).
     *
     * @throws IllegalArgumentException naming {@code what}, never the value
     */
    public static void validate(String secret, String what) {
        decodeKey(secret, what);
    }

    private static byte[] decodeKey(String secret, String what) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        // Candidates, in order: as given less a trailing line break (a secret read from a file); with spaces read as
        // the '+' that URL decoding turned into them (an endpoint URI without RAW(...)); without surrounding white
        // space (a properties file, a copy and paste); both. A space at either end is ambiguous (a '+' or a typo):
        // the first candidate of canonical base64 length wins, as Svix secrets are; else the first that decodes.
        String given = secret.replaceAll("[\\r\\n\\t]+$", "");
        if (given.stripLeading().startsWith(PREFIX)) {
            // space before the prefix: a list separator (", ") or a typo, never part of the key
            given = given.stripLeading();
        }
        String stripped = secret.strip();
        byte[] key = null;
        for (String candidate : List.of(given, given.replace(' ', '+'), stripped, stripped.replace(' ', '+'))) {
            byte[] k = decode(candidate);
            if (k != null && isCanonical(candidate)) {
                key = k;
                break;
            }
            if (key == null) {
                key = k;
            }
        }
        if (key == null) {
            String s = secret.strip();
            if (s.equals(PREFIX)) {
                throw new IllegalArgumentException(what + " has nothing after the 'whsec_' prefix");
            }
            // the JDK message may quote a character of the secret: never chain or repeat it
            throw new IllegalArgumentException(what + " is not valid base64 after the 'whsec_' prefix");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException(what + " decodes to an empty key");
        }
        return key;
    }

    private static boolean isCanonical(String s) {
        return (s.startsWith(PREFIX) ? s.length() - PREFIX.length() : s.length()) % 4 == 0;
    }

    /** The decoded key, or null when the text (after the optional prefix) is empty or not base64. */
    private static byte[] decode(String s) {
        String encoded = s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : s;
        if (encoded.isEmpty()) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private Mac[] prototypes() {
        Mac[] p = prototypes;
        if (p == null) {
            synchronized (this) {
                p = prototypes;
                if (p == null) {
                    p = new Mac[keys.length];
                    for (int i = 0; i < keys.length; i++) {
                        p[i] = newMac(keys[i]);
                    }
                    prototypes = p;
                }
            }
        }
        return p;
    }

    private Mac[] cloneMacs() {
        Mac[] source = prototypes();
        Mac[] copy = new Mac[source.length];
        for (int i = 0; i < source.length; i++) {
            try {
                copy[i] = (Mac) source[i].clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("HmacSHA256 Mac cannot be cloned", e);
            }
        }
        return copy;
    }

    /** Number of secrets this verifier accepts. */
    public int secretCount() {
        return keys.length;
    }

    public long getToleranceSeconds() {
        return toleranceSeconds;
    }

    /** Verifies against the current time. */
    public Result verify(String id, String timestamp, String signatureHeader, byte[] body) {
        return verify(id, timestamp, signatureHeader, body, System.currentTimeMillis() / 1000L);
    }

    /**
     * Verifies a delivery.
     *
     * @param id              the {@code svix-id} (or {@code webhook-id}) header
     * @param timestamp       the {@code svix-timestamp} header (unix seconds)
     * @param signatureHeader the {@code svix-signature} header
     * @param body            the raw body, exactly as received
     * @param nowSeconds      the current unix time
     */
    public Result verify(String id, String timestamp, String signatureHeader, byte[] body, long nowSeconds) {
        if (id == null
                || id.isEmpty()
                || timestamp == null
                || timestamp.isEmpty()
                || signatureHeader == null
                || signatureHeader.isEmpty()) {
            return Result.MISSING_HEADERS;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Result.BAD_TIMESTAMP;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds) {
            return Result.STALE_TIMESTAMP;
        }
        List<byte[]> candidates = candidates(signatureHeader);
        if (candidates.isEmpty()) {
            return Result.NO_MATCH;
        }
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        Mac[] local = macs.get();
        boolean match = false;
        for (Mac mac : local) {
            mac.update(prefix);
            mac.update(body == null ? new byte[0] : body);
            byte[] expected = mac.doFinal();
            for (byte[] candidate : candidates) {
                // evaluate every candidate: no early exit that would reveal which one matched
                match |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return match ? Result.VALID : Result.NO_MATCH;
    }

    private static List<byte[]> candidates(String header) {
        List<byte[]> out = new ArrayList<>(2);
        int n = header.length();
        int i = 0;
        while (i < n) {
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            int end = header.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            if (end - i > 3 && header.startsWith("v1,", i)) {
                try {
                    byte[] sig = Base64.getDecoder().decode(header.substring(i + 3, end));
                    if (sig.length == SIGNATURE_LENGTH) {
                        out.add(sig);
                    }
                } catch (IllegalArgumentException e) {
                    // not base64: not a candidate
                }
            }
            i = end + 1;
        }
        return out;
    }

    /**
     * Computes the {@code v1,<base64>} signature of a delivery with one secret (for tests and tools; verification does
     * not use it).
     */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        Mac mac = newMac(decodeKey(secret, "the webhook signing secret"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
    }

    @Override
    public String toString() {
        return "SvixSignatureVerifier[secrets=" + keys.length + ", toleranceSeconds=" + toleranceSeconds + "]";
    }
}
