package io.github.camelrecurrente.bench;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Server ceilings, with the in-process raw load generator and, when installed, wrk (optional cross-check). */
final class Wrk {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private Wrk() {}

    static String path() {
        String p = System.getenv("PATH");
        if (p == null) {
            return null;
        }
        for (String dir : p.split(File.pathSeparator)) {
            File f = new File(dir, "wrk");
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    static boolean enabled(BenchMain.Config cfg) {
        return cfg.wrk && path() != null;
    }

    /** req/s reported by wrk, or NaN; {@code extra} are more wrk arguments (e.g. -s script.lua, -H header). */
    static double run(String url, int connections, double seconds, List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of(path(), "-t1", "-c" + connections, "-d" + Math.max(1, Math.round(seconds)) + "s"));
        cmd.addAll(extra);
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return Double.NaN;
        }
        Matcher non2xx = NON2XX.matcher(out);
        if (non2xx.find()) {
            BenchMain.log("wrk saw %s non-2xx answers on %s", non2xx.group(1), url);
        }
        Matcher m = RPS.matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The server's own ceiling for a GET: the cheapest client we have (raw keep-alive sockets), and wrk if present. */
    static String serverCeiling(BenchMain.Config cfg, String url, String key) throws Exception {
        URI u = URI.create(url);
        byte[] req = RawHttpLoad.request(
                "GET", u.getRawPath(), u.getPort(), List.of("X-SECRET-KEY: " + key, "Accept: application/json"), null);
        byte[][] pool = {req};
        List<Double> raw = new ArrayList<>();
        List<Double> seq = new ArrayList<>();
        RawHttpLoad.run(u.getPort(), pool, cfg.callers, cfg.warmupSeconds / 2, 200, null);
        for (int i = 0; i < Math.max(2, Math.min(3, cfg.rounds)); i++) {
            raw.add(RawHttpLoad.run(u.getPort(), pool, cfg.callers, cfg.seconds, 200, null)
                    .rate());
            seq.add(RawHttpLoad.run(u.getPort(), pool, 1, cfg.seconds, 200, null)
                    .rate());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "%nServer ceiling (GET, no JSON binding on the client): raw keep-alive sockets in this"
                        + " JVM %.0f req/s with 1 connection, %.0f req/s with %d connections",
                Stats.median(seq), Stats.median(raw), cfg.callers));
        if (enabled(cfg)) {
            List<Double> w = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                w.add(run(url, cfg.callers, Math.max(2, cfg.seconds), List.of("-H", "X-SECRET-KEY: " + key)));
            }
            sb.append(String.format("; wrk -t1 -c%d: %.0f req/s", cfg.callers, Stats.median(w)));
        } else {
            sb.append("; no wrk cross-check (not on the PATH, or --no-wrk)");
        }
        sb.append(".\n");
        return sb.toString();
    }
}
