package io.github.camelrecurrente.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a call in a closed loop on N threads for a bounded time and counts completions. With one thread it also
 * records every latency (for p50/p99) and the bytes the calling thread allocated per call.
 */
final class LoadRunner {

    /** One client call; {@code seq} is the thread's iteration number. */
    @FunctionalInterface
    interface Call {
        void call(int seq) throws Exception;
    }

    record Result(
            long count,
            double seconds,
            double p50Micros,
            double p99Micros,
            double allocBytesPerCall,
            double cpuMicrosPerCall,
            double callerCpuMicrosPerCall,
            Throwable error) {
        double rate() {
            return count / seconds;
        }
    }

    private static final int MAX_SAMPLES = 4_000_000;

    private LoadRunner() {}

    /** CPU time of this whole process (all threads: callers, client I/O threads and the in-process server). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Result run(Call call, int threads, double seconds) throws InterruptedException {
        long durationNanos = (long) (seconds * 1e9);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] counts = new long[threads];
        AtomicReference<Throwable> error = new AtomicReference<>();
        long[][] samples = new long[1][];
        int[] sampleCount = new int[1];
        double[] alloc = new double[1];
        double[] callerCpu = new double[1];
        long[] startEnd = new long[2];
        List<Thread> list = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int index = t;
            Thread th = new Thread(
                    () -> {
                        boolean record = threads == 1;
                        long[][] lat = {record ? new long[1 << 16] : null}; // grows as needed
                        com.sun.management.ThreadMXBean mx =
                                record ? (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean() : null;
                        ready.countDown();
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long end = startEnd[0] + durationNanos;
                        long n = 0;
                        long alloc0 = record ? mx.getCurrentThreadAllocatedBytes() : 0;
                        long cpuStart = record ? mx.getCurrentThreadCpuTime() : 0;
                        try {
                            if (record) {
                                long t0 = System.nanoTime();
                                while (t0 < end) {
                                    call.call((int) n);
                                    long t1 = System.nanoTime();
                                    if (n < MAX_SAMPLES) {
                                        if (n == lat[0].length) {
                                            lat[0] = java.util.Arrays.copyOf(lat[0], lat[0].length * 2);
                                        }
                                        lat[0][(int) n] = t1 - t0;
                                    }
                                    n++;
                                    t0 = t1;
                                }
                                alloc[0] = (mx.getCurrentThreadAllocatedBytes() - alloc0) / (double) Math.max(1, n);
                                callerCpu[0] = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e3 / Math.max(1, n);
                                samples[0] = lat[0];
                                sampleCount[0] = (int) Math.min(n, MAX_SAMPLES);
                            } else {
                                while (System.nanoTime() < end) {
                                    call.call((int) n);
                                    n++;
                                }
                            }
                        } catch (Throwable e) {
                            error.compareAndSet(null, e);
                        }
                        counts[index] = n;
                    },
                    "bench-caller-" + t);
            th.setDaemon(true);
            list.add(th);
            th.start();
        }
        ready.await();
        long cpu0 = processCpuNanos();
        startEnd[0] = System.nanoTime();
        go.countDown();
        for (Thread th : list) {
            th.join();
        }
        long elapsed = System.nanoTime() - startEnd[0];
        long cpu = processCpuNanos() - cpu0;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        if (threads == 1 && samples[0] != null) {
            p50 = Stats.percentileMicros(samples[0], sampleCount[0], 50);
            p99 = Stats.percentileMicros(samples[0], sampleCount[0], 99);
        }
        return new Result(
                total,
                elapsed / 1e9,
                p50,
                p99,
                threads == 1 ? alloc[0] : Double.NaN,
                cpu / 1e3 / Math.max(1, total),
                threads == 1 ? callerCpu[0] : Double.NaN,
                error.get());
    }
}
