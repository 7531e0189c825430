package io.github.camelrecurrente.sandbox.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelrecurrente.sandbox.store.Ids;

/**
 * Signs webhook messages the way Svix does:
 * {@code v1,base64(HMAC-SHA256(base64decode(secret without "whsec_"), id + "." + timestamp + "." + body))}.
 * <p>
 * Public test helper: the sandbox signs its deliveries with it, and tests or benchmarks use it to sign webhook bodies
 * they post themselves (see the sandbox README, "Signing your own webhooks").
 */
public final class SvixSigner {

    private static final String PREFIX = "whsec_";

    private SvixSigner() {}

    /** @return a new signing secret {@code whsec_<base64 of 24 random bytes>} */
    public static String newSecret() {
        return PREFIX + Base64.getEncoder().encodeToString(Ids.secureBytes(24));
    }

    /**
     * Computes the {@code svix-signature} header value.
     *
     * @param secret    {@code whsec_...} secret (the prefix is optional)
     * @param messageId {@code svix-id}
     * @param timestamp {@code svix-timestamp} (unix seconds)
     * @param body      raw body bytes
     * @return {@code v1,<base64 signature>}
     */
    public static String sign(String secret, String messageId, long timestamp, byte[] body) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Signing secret is not valid base64 after 'whsec_'", e);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
