package io.github.camelrecurrente.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.camelrecurrente.sandbox.testing.SvixSigner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvixSignerTest {

    @Test
    void matchesTheSvixPublishedTestVector() {
        String sig = SvixSigner.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", sig);
    }

    @Test
    void signatureDependsOnEveryInput() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base = SvixSigner.sign(secret, "msg_1", 1L, body);
        assertNotEquals(base, SvixSigner.sign(secret, "msg_2", 1L, body));
        assertNotEquals(base, SvixSigner.sign(secret, "msg_1", 2L, body));
        assertNotEquals(base, SvixSigner.sign(secret, "msg_1", 1L, "{ }".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void newSecretsAreWhsecOf24RandomBytes() {
        String a = SvixSigner.newSecret();
        String b = SvixSigner.newSecret();
        assertTrue(a.startsWith("whsec_"), a);
        assertEquals(24, Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, b);
    }

    @Test
    void rejectsSecretsThatAreNotBase64() {
        assertThrows(IllegalArgumentException.class, () -> SvixSigner.sign("whsec_%%%", "m", 1, new byte[0]));
    }
}
