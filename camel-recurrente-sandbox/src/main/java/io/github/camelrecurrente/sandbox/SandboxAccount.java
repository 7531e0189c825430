package io.github.camelrecurrente.sandbox;

import java.util.Objects;

/**
 * One Recurrente account held by the sandbox: a display name (answered by {@code GET /api/test})
 * and its API key pair. {@link #toString()} never shows the secret key.
 *
 * @param name      account name, e.g. {@code "Mi Tienda"}
 * @param publicKey public key, e.g. {@code pk_test_x}
 * @param secretKey secret key, e.g. {@code sk_test_x}
 */
public record SandboxAccount(String name, String publicKey, String secretKey) {

    /** Validates the fields. */
    public SandboxAccount {
        Objects.requireNonNull(name, "account name");
        Objects.requireNonNull(publicKey, "public key");
        Objects.requireNonNull(secretKey, "secret key");
        if (secretKey.isBlank()) {
            throw new IllegalArgumentException("The secret key of account '" + name + "' must not be blank");
        }
    }

    /** @return {@code true} unless the secret key is a {@code sk_test_} key */
    public boolean liveMode() {
        return !secretKey.startsWith("sk_test_");
    }

    /** Masks a secret for display: keeps a recognisable prefix only. */
    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        int keep = secret.startsWith("sk_test_") ? 8 : secret.startsWith("sk_live_") ? 8 : Math.min(3, secret.length());
        return secret.substring(0, keep) + "***";
    }

    @Override
    public String toString() {
        return "SandboxAccount[name=" + name + ", publicKey=" + publicKey + ", secretKey=" + mask(secretKey) + "]";
    }
}
