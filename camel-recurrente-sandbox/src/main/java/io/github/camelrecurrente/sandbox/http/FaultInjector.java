package io.github.camelrecurrente.sandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.camelrecurrente.sandbox.Fault;

/** Holds active faults; the first matching one is applied and its count decremented. */
public final class FaultInjector {

    private static final class Active {
        final Fault fault;
        final Pattern path;
        int remaining;

        Active(Fault fault) {
            this.fault = fault;
            this.path = Pattern.compile(fault.pathRegex());
            this.remaining = fault.times();
        }
    }

    private final List<Active> active = new ArrayList<>();
    private volatile boolean any;

    /** Adds a fault (checked after the ones already present). */
    public synchronized void add(Fault fault) {
        active.add(new Active(fault));
        any = true;
    }

    /** Removes all faults. */
    public synchronized void clear() {
        active.clear();
        any = false;
    }

    /** @return the faults still active, with their remaining counts in {@link Fault#times()} */
    public synchronized List<Fault> list() {
        List<Fault> out = new ArrayList<>();
        for (Active a : active) {
            out.add(a.remaining == -1 ? a.fault : a.fault.times(a.remaining));
        }
        return out;
    }

    /** @return the fault to apply to this request, or {@code null}; consumes one use */
    public Fault match(String method, String path) {
        if (!any) {
            return null;
        }
        synchronized (this) {
            for (int i = 0; i < active.size(); i++) {
                Active a = active.get(i);
                if ((a.fault.method() == null || a.fault.method().equalsIgnoreCase(method))
                        && a.path.matcher(path).matches()) {
                    if (a.remaining > 0 && --a.remaining == 0) {
                        active.remove(i);
                        any = !active.isEmpty();
                    }
                    return a.fault;
                }
            }
            return null;
        }
    }
}
