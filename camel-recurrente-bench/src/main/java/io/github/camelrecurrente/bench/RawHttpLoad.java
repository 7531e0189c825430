package io.github.camelrecurrente.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal, allocation-light HTTP/1.1 keep-alive load generator (the wrk of this program): N connections, each on
 * its own thread, sending pre-encoded requests from a shared pool (every request is used once per pass over the
 * pool) and reading each answer fully before the next. Bounded in time. Checks the status and counts answers whose
 * body is not the expected one.
 */
final class RawHttpLoad {

    record Result(long count, long unexpected, double seconds, String firstUnexpected, double cpuMicrosPerCall) {
        double rate() {
            return count / seconds;
        }
    }

    private RawHttpLoad() {}

    /** Encodes a request; {@code headers} are "Name: value" lines without CRLF. */
    static byte[] request(String method, String path, int port, List<String> headers, byte[] body) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        sb.append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        if (body != null) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return head;
        }
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * @param pool           pre-encoded requests; taken in order across all connections (a global cursor)
     * @param expectedStatus the status every answer must have (others abort the run)
     * @param expectedBody   counted as unexpected when the body differs (null: not checked)
     */
    static Result run(int port, byte[][] pool, int connections, double seconds, int expectedStatus, byte[] expectedBody)
            throws InterruptedException {
        return run(port, pool, new AtomicLong(), connections, seconds, expectedStatus, expectedBody);
    }

    /** As above, continuing from (and advancing) a cursor kept by the caller across runs. */
    static Result run(
            int port,
            byte[][] pool,
            AtomicLong cursor,
            int connections,
            double seconds,
            int expectedStatus,
            byte[] expectedBody)
            throws InterruptedException {
        AtomicLong unexpected = new AtomicLong();
        AtomicReference<String> firstUnexpected = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        long[] counts = new long[connections];
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        long duration = (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            final int index = c;
            Thread t = new Thread(
                    () -> {
                        try (Socket s = new Socket()) {
                            s.setTcpNoDelay(true);
                            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                            s.setSoTimeout(30_000);
                            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
                            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
                            ResponseReader reader = new ResponseReader(in);
                            ready.countDown();
                            go.await();
                            long end = start[0] + duration;
                            long n = 0;
                            while (System.nanoTime() < end) {
                                byte[] req = pool[(int) (cursor.getAndIncrement() % pool.length)];
                                out.write(req);
                                out.flush();
                                int status = reader.read();
                                if (status != expectedStatus) {
                                    throw new IOException("HTTP " + status + ": " + reader.bodyText());
                                }
                                if (expectedBody != null && !reader.bodyEquals(expectedBody)) {
                                    unexpected.incrementAndGet();
                                    firstUnexpected.compareAndSet(null, reader.bodyText());
                                }
                                n++;
                            }
                            counts[index] = n;
                        } catch (Throwable e) {
                            error.compareAndSet(null, e);
                            ready.countDown();
                        }
                    },
                    "raw-load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        long cpu0 = LoadRunner.processCpuNanos();
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start[0]) / 1e9;
        long cpu = LoadRunner.processCpuNanos() - cpu0;
        if (error.get() != null) {
            throw new IllegalStateException("load generator failed: " + error.get(), error.get());
        }
        long total = 0;
        for (long n : counts) {
            total += n;
        }
        return new Result(total, unexpected.get(), elapsed, firstUnexpected.get(), cpu / 1e3 / Math.max(1, total));
    }

    /** Reads one HTTP/1.1 answer: status line, headers (Content-Length or chunked), body into a reused buffer. */
    static final class ResponseReader {
        private final InputStream in;
        private final StringBuilder line = new StringBuilder(128);
        private byte[] body = new byte[8192];
        private int bodyLength;

        ResponseReader(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            String status = readLine();
            if (status == null) {
                throw new IOException("connection closed by the server");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            String h;
            while ((h = readLine()) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon);
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(h.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Transfer-Encoding")
                        && h.substring(colon + 1).trim().equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            bodyLength = 0;
            if (chunked) {
                while (true) {
                    String size = readLine();
                    int semi = size.indexOf(';');
                    int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while ((h = readLine()) != null && !h.isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    readBody(n);
                    readLine();
                }
            } else if (contentLength > 0) {
                readBody((int) contentLength);
            }
            return code;
        }

        private void readBody(int n) throws IOException {
            if (bodyLength + n > body.length) {
                byte[] bigger = new byte[Math.max(body.length * 2, bodyLength + n)];
                System.arraycopy(body, 0, bigger, 0, bodyLength);
                body = bigger;
            }
            int read = in.readNBytes(body, bodyLength, n);
            if (read < n) {
                throw new IOException("connection closed in the body");
            }
            bodyLength += n;
        }

        private String readLine() throws IOException {
            line.setLength(0);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return line.toString();
                }
                line.append((char) b);
            }
            return line.length() == 0 ? null : line.toString();
        }

        boolean bodyEquals(byte[] expected) {
            if (expected.length != bodyLength) {
                return false;
            }
            for (int i = 0; i < bodyLength; i++) {
                if (body[i] != expected[i]) {
                    return false;
                }
            }
            return true;
        }

        String bodyText() {
            return new String(body, 0, Math.min(bodyLength, 300), StandardCharsets.UTF_8);
        }
    }
}
