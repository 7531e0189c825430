package io.github.camelrecurrente.bench;

import java.util.Arrays;
import java.util.List;

/** Small statistics helpers: medians and percentiles. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Percentile (0..100) of the first {@code n} values of {@code nanos}; sorts that prefix in place. */
    static double percentileMicros(long[] nanos, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(nanos, 0, n);
        int idx = (int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100.0 * n) - 1));
        return nanos[idx] / 1000.0;
    }

    /** "min–max" spread of a list, formatted with the given format. */
    static String spread(List<Double> values, String fmt) {
        return String.format(fmt, min(values)) + "–" + String.format(fmt, max(values));
    }
}
