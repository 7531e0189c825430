package io.github.camelrecurrente.sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThroughputTest {

    /**
     * Without TCP_NODELAY the JDK server's split header/body writes wait for the client's delayed ACK
     * (about 40 ms per request on Linux). A raw keep-alive socket measures the server itself; the median
     * must stay far below that even on a loaded build machine.
     */
    @Test
    void answersKeepAliveRequestsWithoutDelayedAckStalls() throws Exception {
        try (RecurrenteSandbox s =
                RecurrenteSandbox.builder().journalCapacity(0).build().start()) {
            String id = new TestHttp(s).checkout(1000, "GTQ");
            int n = 2000;
            long[] nanos = new long[n];
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                byte[] request = ("GET /api/checkouts/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-SECRET-KEY: "
                                + RecurrenteSandbox.DEFAULT_SECRET_KEY + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 300; i++) {
                    assertEquals(200, exchange(out, in, request));
                }
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    assertEquals(200, exchange(out, in, request));
                    nanos[i] = System.nanoTime() - t;
                }
                double rate = n / ((System.nanoTime() - start) / 1e9);
                Arrays.sort(nanos);
                double medianMs = nanos[n / 2] / 1e6;
                System.out.printf(
                        Locale.ROOT,
                        "sandbox: %.0f sequential req/s on one connection, median %.3f ms%n",
                        rate,
                        medianMs);
                assertTrue(medianMs < 15, "median latency " + medianMs + " ms looks like delayed-ACK stalls");
            }
        }
    }

    @Test
    void handlesConcurrentWritersConsistently() throws Exception {
        try (RecurrenteSandbox s =
                RecurrenteSandbox.builder().journalCapacity(0).build().start()) {
            TestHttp http = new TestHttp(s);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    int created = 0;
                    for (int i = 0; i < 250; i++) {
                        if (http.post("/api/checkouts", "{\"items\":[{\"currency\":\"GTQ\",\"amount_in_cents\":1000}]}")
                                        .status()
                                == 201) {
                            created++;
                        }
                    }
                    return created;
                }));
            }
            int total = 0;
            for (Future<Integer> f : fs) {
                total += f.get();
            }
            pool.shutdown();
            assertEquals(1000, total);
            assertEquals(1000, s.checkoutCount(RecurrenteSandbox.DEFAULT_SECRET_KEY));
            assertEquals("1000", http.get("/api/checkouts").header("Total-Count"));
        }
    }

    /** Sends one request and reads the full response; returns the status. */
    private static int exchange(OutputStream out, InputStream in, byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line(in);
        int length = -1;
        String header;
        while (!(header = line(in)).isEmpty()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (length < 0 || in.readNBytes(length).length != length) {
            throw new IOException("Bad response framing: " + status);
        }
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        if (c == -1 && sb.length() == 0) {
            throw new IOException("Connection closed");
        }
        return sb.toString();
    }
}
