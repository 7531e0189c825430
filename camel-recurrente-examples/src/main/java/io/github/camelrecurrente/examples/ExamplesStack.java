package io.github.camelrecurrente.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the example runs: the stand-ins it needs and the Camel app.
 * <ul>
 * <li>no {@code recurrente.secret-key} (env {@code RECURRENTE_SECRET_KEY}) -> SANDBOX MODE: {@link SandboxEnvironment}
 * (local emulator, app webhook registered there);</li>
 * <li>no {@code fel.certifier.url} -> the {@link StandInFelCertifier};</li>
 * <li>no {@code mail.smtp.uri} -> the {@link StandInSmtpServer}.</li>
 * </ul>
 * The ledger database is always what {@code ledger.jdbc-url} says (embedded H2 file by default).
 */
public final class ExamplesStack implements AutoCloseable {

    private final Map<String, String> appProperties;
    private final SandboxEnvironment sandbox;
    private final StandInFelCertifier certifier;
    private final StandInSmtpServer smtp;
    private ExamplesApplication app;

    private ExamplesStack(Map<String, String> appProperties, SandboxEnvironment sandbox, StandInFelCertifier certifier,
                          StandInSmtpServer smtp) {
        this.appProperties = appProperties;
        this.sandbox = sandbox;
        this.certifier = certifier;
        this.smtp = smtp;
    }

    /** Starts the stand-ins that are needed, then the app. */
    public static ExamplesStack start(Map<String, String> overrides) {
        Settings settings = new Settings(overrides);
        Map<String, String> props = new LinkedHashMap<>(overrides);
        StandInFelCertifier certifier = null;
        StandInSmtpServer smtp = null;
        SandboxEnvironment sandbox = null;
        try {
            if (settings.get("fel.certifier.url") == null) {
                certifier = StandInFelCertifier.start(0);
                props.put("fel.certifier.url", certifier.invoicesUrl());
            }
            if (settings.get("mail.smtp.uri") == null) {
                smtp = StandInSmtpServer.start(0);
                props.put("mail.smtp.uri", smtp.smtpUri());
            }
            if (settings.get("recurrente.secret-key") == null) {
                String port = settings.get("camel.server.port");
                String path = settings.get("recurrente.webhook-path");
                sandbox = SandboxEnvironment.start("http://127.0.0.1:" + (port == null ? "8080" : port)
                                                   + (path == null ? "/recurrente/events" : path));
                props.putAll(sandbox.appProperties());
            }
            ExamplesStack stack = new ExamplesStack(props, sandbox, certifier, smtp);
            stack.app = ExamplesApplication.start(props);
            return stack;
        } catch (RuntimeException e) {
            closeQuietly(sandbox);
            closeQuietly(certifier);
            closeQuietly(smtp);
            throw e;
        }
    }

    public ExamplesApplication app() {
        return app;
    }

    /** @return the sandbox environment, or null when keys are configured (real API) */
    public SandboxEnvironment sandbox() {
        return sandbox;
    }

    /** @return the stand-in certifier, or null when a real one is configured */
    public StandInFelCertifier certifier() {
        return certifier;
    }

    /** @return the stand-in SMTP server, or null when a real one is configured */
    public StandInSmtpServer smtp() {
        return smtp;
    }

    public boolean sandboxMode() {
        return sandbox != null;
    }

    /** Stops the Camel app only (the emulator and stand-ins keep running, as the outside world would). */
    public void stopApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /** Starts the Camel app again with the same configuration. */
    public void startApp() {
        if (app == null) {
            app = ExamplesApplication.start(appProperties);
        }
    }

    @Override
    public void close() {
        try {
            stopApp();
        } finally {
            closeQuietly(sandbox);
            closeQuietly(certifier);
            closeQuietly(smtp);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort on shutdown
            }
        }
    }
}
