package io.github.camelrecurrente.sandbox.store;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** Generates realistic Recurrente / Svix style identifiers. Internal. */
public final class Ids {

    private static final char[] LOWER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private Ids() {}

    /** A Recurrente-style id: prefix + 8 lowercase alphanumerics, e.g. {@code prod_9lstwgbr}. */
    public static String next(String prefix) {
        return next(prefix, 8);
    }

    /** A Recurrente-style id with a chosen random length (checkouts use 16). */
    public static String next(String prefix, int length) {
        return prefix + random(LOWER, length);
    }

    /** A Svix-style id: prefix + 27 base62 chars, e.g. {@code msg_2fy6I9KODnHzw7Zf0ZGmMs8gEN9}. */
    public static String svix(String prefix) {
        return prefix + random(BASE62, 27);
    }

    /** Random bytes from a secure source (for signing secrets). */
    public static byte[] secureBytes(int count) {
        byte[] b = new byte[count];
        SECURE.nextBytes(b);
        return b;
    }

    private static String random(char[] alphabet, int length) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[r.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
