package io.github.camelrecurrente.sandbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultiAccountTest {

    @Test
    void accountsHaveSeparateDataAndAreChosenBySecretKey() {
        try (RecurrenteSandbox s = RecurrenteSandbox.builder()
                .account("Tienda Uno", "pk_test_1", "sk_test_1")
                .account("Tienda Dos", "pk_test_2", "sk_test_2")
                .build()
                .start()) {
            TestHttp one = new TestHttp(s.rootUrl(), "pk_test_1", "sk_test_1");
            TestHttp two = new TestHttp(s.rootUrl(), "pk_test_2", "sk_test_2");
            assertEquals(
                    "Hello Tienda Uno 🌎",
                    one.get("/api/test").json().get("message").asText());
            assertEquals(
                    "Hello Tienda Dos 🌎",
                    two.get("/api/test").json().get("message").asText());
            String id = one.checkout(1000, "GTQ");
            assertEquals(200, one.get("/api/checkouts/" + id).status());
            assertEquals(404, two.get("/api/checkouts/" + id).status());
            assertEquals(1, one.get("/api/checkouts").json().size());
            assertEquals(0, two.get("/api/checkouts").json().size());
            assertEquals(401, one.as("pk_test_2", "sk_test_1").get("/api/test").status(), "keys of different accounts");
            s.seedCheckouts("sk_test_2", 5, java.time.Instant.now().minusSeconds(10), java.time.Instant.now());
            assertEquals("5", two.get("/api/checkouts").header("Total-Count"));
            assertEquals("1", one.get("/api/checkouts").header("Total-Count"));
            assertEquals(2, s.accounts().size());
            assertEquals("Tienda Uno", s.defaultAccount().name());
        }
    }

    @Test
    void duplicateSecretKeysAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> RecurrenteSandbox.builder()
                        .account("A", "pk_a", "sk_same")
                        .account("B", "pk_b", "sk_same")
                        .build());
    }

    @Test
    void defaultAccountWhenNoneIsGiven() {
        try (RecurrenteSandbox s = RecurrenteSandbox.builder().build().start()) {
            assertEquals(
                    RecurrenteSandbox.DEFAULT_SECRET_KEY, s.defaultAccount().secretKey());
            TestHttp http = new TestHttp(s);
            assertEquals(
                    "Hello " + RecurrenteSandbox.DEFAULT_ACCOUNT_NAME + " 🌎",
                    http.get("/api/test").json().get("message").asText());
        }
    }
}
