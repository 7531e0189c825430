package io.github.camelrecurrente.component.observe;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** API calls of one endpoint per operation, for the dev console (kept whether or not Micrometer is present). */
final class ApiStats {

    /** Counters of one operation. */
    static final class Operation {
        final LongAdder calls = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder retries = new LongAdder();
        volatile int lastStatus;
        volatile String lastError = "none";

        Map<String, Object> toMap() {
            Map<String, Object> m = new TreeMap<>();
            m.put("calls", calls.sum());
            m.put("errors", errors.sum());
            m.put("retries", retries.sum());
            m.put("lastStatus", lastStatus);
            m.put("lastError", lastError);
            return m;
        }
    }

    private final ConcurrentMap<String, Operation> operations = new ConcurrentHashMap<>();

    Operation of(String operation) {
        return operations.computeIfAbsent(operation, k -> new Operation());
    }

    /** Operation name to its counters, sorted by name. */
    Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        operations.forEach((k, v) -> out.put(k, v.toMap()));
        return out;
    }

    long totalCalls() {
        return operations.values().stream().mapToLong(o -> o.calls.sum()).sum();
    }

    long totalErrors() {
        return operations.values().stream().mapToLong(o -> o.errors.sum()).sum();
    }
}
