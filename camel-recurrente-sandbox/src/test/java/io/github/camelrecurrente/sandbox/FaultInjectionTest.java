package io.github.camelrecurrente.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.create();

    private TestHttp http() {
        return new TestHttp(ext.sandbox());
    }

    @Test
    void rateLimitWithRetryAfterForACountThenNormal() {
        ext.sandbox().addFault(Fault.rateLimited(7).onPath("/api/checkouts.*").times(2));
        TestHttp.Resp first = http().get("/api/checkouts");
        assertEquals(429, first.status());
        assertEquals("7", first.header("Retry-After"));
        assertTrue(first.json().get("message").isTextual());
        assertEquals(200, http().get("/api/test").status(), "other paths are not affected");
        assertEquals(429, http().get("/api/checkouts/ch_x").status());
        assertEquals(200, http().get("/api/checkouts").status());
        assertTrue(ext.sandbox().faults().isEmpty());
    }

    @Test
    void serverErrorsOnlyForTheMethod() {
        ext.sandbox().addFault(Fault.status(503).onMethod("POST").times(1));
        assertEquals(200, http().get("/api/checkouts").status());
        TestHttp.Resp r =
                http().post("/api/checkouts", "{\"items\":[{\"currency\":\"GTQ\",\"amount_in_cents\":1000}]}");
        assertEquals(503, r.status());
        assertEquals(
                0,
                ext.sandbox().checkoutCount(ext.sandbox().defaultAccount().secretKey()),
                "a faulted request has no effect");
        assertEquals(
                201,
                http().post("/api/checkouts", "{\"items\":[{\"currency\":\"GTQ\",\"amount_in_cents\":1000}]}")
                        .status());
        ext.sandbox().addFault(Fault.status(500).times(-1));
        assertEquals(500, http().get("/api/test").status());
        assertEquals(500, http().get("/api/test").status());
        ext.sandbox().clearFaults();
        assertEquals(200, http().get("/api/test").status());
    }

    @Test
    void latencyDelaysTheAnswer() {
        ext.sandbox().addFault(Fault.latency(Duration.ofMillis(300)).onPath("/api/test"));
        long t0 = System.nanoTime();
        assertEquals(200, http().get("/api/test").status());
        long slow = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(slow >= 300, "took " + slow + " ms");
        long t1 = System.nanoTime();
        http().get("/api/test");
        assertTrue((System.nanoTime() - t1) / 1_000_000 < 300);
    }

    @Test
    void faultsThroughTheControlApi() {
        TestHttp control = new TestHttp(ext.sandbox().rootUrl(), null, null);
        TestHttp.Resp added = control.post(
                "/sandbox/faults", "{\"status\":429,\"retry_after\":3,\"path\":\"/api/test\",\"count\":1}");
        assertEquals(200, added.status(), added.body());
        assertEquals(1, control.get("/sandbox/faults").json().size());
        TestHttp.Resp r = http().get("/api/test");
        assertEquals(429, r.status());
        assertEquals("3", r.header("Retry-After"));
        assertEquals(200, http().get("/api/test").status());
        control.post("/sandbox/faults", "{\"status\":503,\"count\":5}");
        assertEquals(200, control.delete("/sandbox/faults").status());
        assertEquals(200, http().get("/api/test").status());
        assertEquals(400, control.post("/sandbox/faults", "{}").status());
    }

    @Test
    void rejectsInvalidFaults() {
        assertThrows(IllegalArgumentException.class, () -> Fault.status(42));
        assertThrows(IllegalArgumentException.class, () -> Fault.status(500).times(0));
        assertThrows(RuntimeException.class, () -> Fault.status(500).onPath("(["));
    }
}
