package io.github.camelrecurrente.bench;

import java.util.Arrays;
import java.util.List;

/** Small statistics helpers: medians and percentiles. */
final class Stats {

    private Stats() {}

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

    /**
     * A ratio as "0.93×"; with three decimals when two would round it onto a goal's edge (0.85, 0.90, 1.40), so that
     * "0.90× ❌ short" cannot appear: 0.896 prints as "0.896×".
     */
    static String ratio(double r) {
        String two = String.format("%.2f", r);
        boolean edge = two.equals("0.85") || two.equals("0.90") || two.equals("1.40");
        return String.format(edge ? "%.3f×" : "%.2f×", r);
    }

    /** "min–max" spread of a list, formatted with the given format. */
    static String spread(List<Double> values, String fmt) {
        return String.format(fmt, min(values)) + "–" + String.format(fmt, max(values));
    }
}
