package io.github.camelrecurrente.examples.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a setting before Camel starts (to decide sandbox mode and which stand-ins to start), in the order Camel Main
 * uses: extra overrides, JVM system property, environment variable ({@code ledger.jdbc-url} -> {@code LEDGER_JDBC_URL}),
 * then {@code application.properties} (whose {@code {{env:NAME:default}}} values are resolved).
 */
final class Settings {

    private final Map<String, String> overrides;
    private final Properties file = new Properties();

    Settings(Map<String, String> overrides) {
        this.overrides = overrides;
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the value, or null when unset or blank */
    String get(String key) {
        String v = overrides.get(key);
        if (v == null) {
            v = System.getProperty(key);
        }
        if (v == null) {
            v = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (v == null) {
            v = file.getProperty(key);
            if (v != null) {
                v = resolveEnv(v.trim());
            }
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String resolveEnv(String v) {
        if (v.startsWith("{{env:") && v.endsWith("}}")) {
            String body = v.substring(6, v.length() - 2);
            int colon = body.indexOf(':');
            String name = colon < 0 ? body : body.substring(0, colon);
            String fallback = colon < 0 ? null : body.substring(colon + 1);
            String env = System.getenv(name);
            return env != null ? env : fallback;
        }
        return v;
    }
}
