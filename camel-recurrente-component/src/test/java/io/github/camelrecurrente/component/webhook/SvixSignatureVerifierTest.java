package io.github.camelrecurrente.component.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.github.camelrecurrente.component.webhook.SvixSignatureVerifier.Result;
import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvixSignatureVerifierTest {

    // Svix's published test vector
    static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long VECTOR_TS = 1614265330L;
    static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static final String OTHER_SECRET =
            "whsec_" + Base64.getEncoder().encodeToString("another-secret-key-32-bytes-long".getBytes());

    private static SvixSignatureVerifier verifier(String secrets) {
        return SvixSignatureVerifier.of(secrets, 300);
    }

    @Test
    void svixTestVectorPasses() {
        assertEquals(VECTOR_SIGNATURE, SvixSignatureVerifier.sign(VECTOR_SECRET, VECTOR_ID, VECTOR_TS, VECTOR_BODY));
        assertEquals(
                Result.VALID,
                verifier(VECTOR_SECRET)
                        .verify(VECTOR_ID, Long.toString(VECTOR_TS), VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS));
        // the secret without its prefix works too
        assertEquals(
                Result.VALID,
                verifier(VECTOR_SECRET.substring(6))
                        .verify(VECTOR_ID, Long.toString(VECTOR_TS), VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS + 299));
    }

    @Test
    void agreesWithTheSandboxSigner() {
        String secret = SvixSigner.newSecret();
        byte[] body = "{\"event_type\":\"payment_intent.succeeded\",\"id\":\"pa_1\"}".getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        String sig = SvixSigner.sign(secret, "msg_1", now, body);
        assertEquals(Result.VALID, verifier(secret).verify("msg_1", Long.toString(now), sig, body));
    }

    @Test
    void anyOfSeveralSignatureEntriesPasses() {
        String header =
                "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v2,xyz  " + VECTOR_SIGNATURE + " v1,notbase64!";
        assertEquals(
                Result.VALID,
                verifier(VECTOR_SECRET).verify(VECTOR_ID, Long.toString(VECTOR_TS), header, VECTOR_BODY, VECTOR_TS));
    }

    @Test
    void onlyV1EntriesCount() {
        String header = "v2," + VECTOR_SIGNATURE.substring(3);
        assertEquals(
                Result.NO_MATCH,
                verifier(VECTOR_SECRET).verify(VECTOR_ID, Long.toString(VECTOR_TS), header, VECTOR_BODY, VECTOR_TS));
    }

    @Test
    void tamperedBodyIdOrTimestampFail() {
        SvixSignatureVerifier v = verifier(VECTOR_SECRET);
        String ts = Long.toString(VECTOR_TS);
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Result.NO_MATCH, v.verify(VECTOR_ID, ts, VECTOR_SIGNATURE, tampered, VECTOR_TS));
        assertEquals(Result.NO_MATCH, v.verify("msg_other", ts, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS));
        assertEquals(
                Result.NO_MATCH,
                v.verify(VECTOR_ID, Long.toString(VECTOR_TS + 1), VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS));
    }

    @Test
    void wrongSecretFails() {
        assertEquals(
                Result.NO_MATCH,
                verifier(OTHER_SECRET)
                        .verify(VECTOR_ID, Long.toString(VECTOR_TS), VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS));
    }

    @Test
    void severalSecretsAnyMatches() {
        SvixSignatureVerifier v = verifier(OTHER_SECRET + ", " + VECTOR_SECRET);
        assertEquals(2, v.secretCount());
        assertEquals(
                Result.VALID, v.verify(VECTOR_ID, Long.toString(VECTOR_TS), VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String sig = SvixSigner.sign(OTHER_SECRET, "msg_2", VECTOR_TS, body);
        assertEquals(Result.VALID, v.verify("msg_2", Long.toString(VECTOR_TS), sig, body, VECTOR_TS));
    }

    @Test
    void timestampToleranceBothWays() {
        SvixSignatureVerifier v = verifier(VECTOR_SECRET);
        String ts = Long.toString(VECTOR_TS);
        assertEquals(Result.VALID, v.verify(VECTOR_ID, ts, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS + 300));
        assertEquals(Result.VALID, v.verify(VECTOR_ID, ts, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS - 300));
        assertEquals(Result.STALE_TIMESTAMP, v.verify(VECTOR_ID, ts, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS + 301));
        assertEquals(Result.STALE_TIMESTAMP, v.verify(VECTOR_ID, ts, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS - 301));
        assertEquals(Result.BAD_TIMESTAMP, v.verify(VECTOR_ID, "yesterday", VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS));
    }

    @Test
    void missingHeaders() {
        SvixSignatureVerifier v = verifier(VECTOR_SECRET);
        String ts = Long.toString(VECTOR_TS);
        assertEquals(Result.MISSING_HEADERS, v.verify(null, ts, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS));
        assertEquals(Result.MISSING_HEADERS, v.verify(VECTOR_ID, null, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS));
        assertEquals(Result.MISSING_HEADERS, v.verify(VECTOR_ID, ts, "", VECTOR_BODY, VECTOR_TS));
        assertEquals(Result.NO_MATCH, v.verify(VECTOR_ID, ts, "garbage", VECTOR_BODY, VECTOR_TS));
    }

    @Test
    void badSecretsAreRejectedWithoutShowingThem() {
        for (String bad : List.of("", "   ", "whsec_", "whsec_not*base64!", "whsec_====")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> verifier(bad));
            assertFalse(bad.length() > 6 && e.getMessage().contains(bad.substring(6)), e.getMessage());
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> verifier(VECTOR_SECRET + ",whsec_%%secretstuff%%"));
        assertTrue(e.getMessage().contains("#2"), e.getMessage());
        assertFalse(e.getMessage().contains("secretstuff"), e.getMessage());
        assertFalse(e.getMessage().contains(VECTOR_SECRET.substring(6)), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> verifier(VECTOR_SECRET + ",,"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void plusSignsTurnedIntoSpacesByUrlDecodingAreRepaired() {
        String secret = "whsec_a+b/cdefghijklmnopqrstuvwxyz0123456+";
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String sig = SvixSignatureVerifier.sign(secret, "msg_p", VECTOR_TS, body);
        for (String given :
                List.of(secret.replace('+', ' '), " " + secret + " ", OTHER_SECRET + ", " + secret.replace('+', ' '))) {
            assertEquals(
                    Result.VALID,
                    verifier(given).verify("msg_p", Long.toString(VECTOR_TS), sig, body, VECTOR_TS),
                    given);
        }
    }

    @Test
    void plusSignAtEitherEndTurnedIntoSpaceIsRepairedNotStripped() {
        // stripping the space would leave 31 characters of valid base64: another key, and every delivery a 401
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        for (String secret :
                List.of("whsec_abcdefghijklmnopqrstuvwxyz01234+", "whsec_+bcdefghijklmnopqrstuvwxyz012345")) {
            String sig = SvixSignatureVerifier.sign(secret, "msg_e", VECTOR_TS, body);
            for (String given : List.of(secret.replace('+', ' '), secret + "\n", " " + secret + " ")) {
                assertEquals(
                        Result.VALID,
                        verifier(given).verify("msg_e", Long.toString(VECTOR_TS), sig, body, VECTOR_TS),
                        given);
            }
        }
    }

    @Test
    void toStringHasNoSecret() {
        SvixSignatureVerifier v = verifier(VECTOR_SECRET);
        assertFalse(v.toString().contains(VECTOR_SECRET.substring(6)));
        assertFalse(v.toString().contains("MfKQ"));
    }

    @Test
    void concurrentVerificationIsThreadSafe() throws Exception {
        SvixSignatureVerifier v = verifier(VECTOR_SECRET);
        String ts = Long.toString(VECTOR_TS);
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int n = t;
            threads[t] = new Thread(() -> {
                boolean all = true;
                for (int i = 0; i < 2000; i++) {
                    all &= v.verify(VECTOR_ID, ts, VECTOR_SIGNATURE, VECTOR_BODY, VECTOR_TS) == Result.VALID;
                    all &= v.verify(VECTOR_ID, ts, VECTOR_SIGNATURE, "{}".getBytes(), VECTOR_TS) == Result.NO_MATCH;
                }
                ok[n] = all;
            });
            threads[t].start();
        }
        for (int t = 0; t < threads.length; t++) {
            threads[t].join();
            assertTrue(ok[t]);
        }
    }
}
