package io.github.camelrecurrente.component.observe;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rejection log writes at most its quota per window and counts what it leaves out. */
class RateLimitedLogTest {

    @Test
    void writesTheQuotaThenCountsTheRestUntilTheNextWindow() {
        AtomicLong clock = new AtomicLong(1_000);
        RateLimitedLog log =
                new RateLimitedLog(LoggerFactory.getLogger(RateLimitedLogTest.class), 3, 60_000, clock::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(log.warn("line {}", i));
        }
        for (int i = 0; i < 5; i++) {
            assertFalse(log.warn("flood {}", i));
        }
        assertEquals(5, log.suppressed());

        clock.addAndGet(59_999);
        assertFalse(log.warn("still the same window"));
        assertEquals(6, log.suppressed());

        clock.addAndGet(1);
        assertTrue(log.warn("next window"), "a new window writes again (after a summary line)");
        assertEquals(0, log.suppressed());
    }

    @Test
    void printableKeepsOneShortLine() {
        assertEquals("msg_1?evil", EndpointObserver.printable("msg_1\nevil"));
        assertEquals("(none)", EndpointObserver.printable(null));
        String longId = "x".repeat(200);
        assertEquals(64 + 3, EndpointObserver.printable(longId).length());
    }

    @Test
    void errorKindsAreAFixedVocabulary() {
        assertEquals("none", ErrorKinds.errorKind(200, null));
        assertEquals("unauthorized", ErrorKinds.errorKind(401, new RuntimeException()));
        assertEquals("rate_limited", ErrorKinds.errorKind(429, new RuntimeException()));
        assertEquals("server_error", ErrorKinds.errorKind(502, new RuntimeException()));
        assertEquals("client_error", ErrorKinds.errorKind(418, new RuntimeException()));
        assertEquals("timeout", ErrorKinds.errorKind(0, new java.net.SocketTimeoutException()));
        assertEquals("io", ErrorKinds.errorKind(0, new java.net.ConnectException()));
        assertEquals("none", ErrorKinds.statusClass(0));
        assertEquals("5xx", ErrorKinds.statusClass(503));
        assertEquals("other", EventTypeTag.of("made.up_by_a_sender"));
        assertEquals("payment_intent.succeeded", EventTypeTag.of("payment_intent.succeeded"));
    }
}
