package io.github.camelrecurrente.examples.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelrecurrente.examples.operator.OperatorTokens;
import io.github.camelrecurrente.examples.standins.SandboxEnvironment;
import io.github.camelrecurrente.examples.standins.StandInFelCertifier;
import io.github.camelrecurrente.examples.standins.StandInSmtpServer;

/**
 * Everything the example runs: the stand-ins it needs and the Camel app.
 * <ul>
 * <li>no {@code recurrente.secret-key} (env {@code RECURRENTE_SECRET_KEY}) -> SANDBOX MODE: {@link SandboxEnvironment}
 * (local emulator, app webhook registered there);</li>
 * <li>no {@code fel.certifier.url} -> the {@link StandInFelCertifier};</li>
 * <li>no {@code mail.smtp.uri} -> the {@link StandInSmtpServer};</li>
 * <li>no {@code examples.ops.token} (env {@code EXAMPLES_OPS_TOKEN}) -> in sandbox mode a random operator token for
 * this run, written to {@code examples.ops.token-file}; in real-API mode the operator routes
 * ({@code routes/operator/*.yaml}) are not loaded at all.</li>
 * </ul>
 * The ledger database is always what {@code ledger.jdbc-url} says (embedded H2 file by default).
 */
public final class ExamplesStack implements AutoCloseable {

    private final Map<String, String> appProperties;
    private final SandboxEnvironment sandbox;
    private final StandInFelCertifier certifier;
    private final StandInSmtpServer smtp;
    private final OperatorAccess operatorAccess;
    private ExamplesApplication app;

    /** The operator route files (routes/operator/*.yaml), left out when the operator endpoints are off. */
    static final String OPERATOR_ROUTES = "**/operator/*.yaml";

    /** How the operator endpoints were set up: off, with configured tokens, or with a token generated for the run. */
    public record OperatorAccess(boolean enabled, Path generatedTokenFile) {}

    private ExamplesStack(
            Map<String, String> appProperties,
            SandboxEnvironment sandbox,
            StandInFelCertifier certifier,
            StandInSmtpServer smtp,
            OperatorAccess operatorAccess) {
        this.appProperties = appProperties;
        this.sandbox = sandbox;
        this.certifier = certifier;
        this.smtp = smtp;
        this.operatorAccess = operatorAccess;
    }

    /** Starts the stand-ins that are needed, then the app. */
    public static ExamplesStack start(Map<String, String> overrides) {
        Settings settings = new Settings(overrides);
        RenamedProperties.refuseOldNames(settings);
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
            OperatorAccess ops = operatorAccess(settings, sandbox != null, props);
            ExamplesStack stack = new ExamplesStack(props, sandbox, certifier, smtp, ops);
            stack.app = ExamplesApplication.start(props);
            return stack;
        } catch (RuntimeException e) {
            closeQuietly(sandbox);
            closeQuietly(certifier);
            closeQuietly(smtp);
            throw e;
        }
    }

    /**
     * Decides the operator endpoints before Camel starts: configured token -> on; none and sandbox mode -> a random
     * token for this run, in a file only the user can read; none in real-API mode (or examples.ops.enabled=false) ->
     * off, and the operator route files are not loaded.
     */
    private static OperatorAccess operatorAccess(Settings settings, boolean sandboxMode, Map<String, String> props) {
        boolean wanted = !"false".equalsIgnoreCase(settings.get("examples.ops.enabled"));
        String token = settings.get("examples.ops.token");
        if (wanted && token == null && sandboxMode) {
            String file = settings.get("examples.ops.token-file");
            Path path = Path.of(file == null ? "./data/operator-token" : file)
                    .toAbsolutePath()
                    .normalize();
            String generated = OperatorTokens.generate();
            writePrivately(path, generated + System.lineSeparator());
            props.put("examples.ops.token", "demo:" + generated);
            return new OperatorAccess(true, path);
        }
        if (wanted && token != null) {
            return new OperatorAccess(true, null);
        }
        props.put("examples.ops.enabled", "false");
        props.put("camel.main.routes-exclude-pattern", OPERATOR_ROUTES);
        return new OperatorAccess(false, null);
    }

    private static void writePrivately(Path path, String content) {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.deleteIfExists(path);
            try {
                Files.createFile(
                        path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            }
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the operator token file " + path, e);
        }
    }

    /** @return how the operator endpoints were set up */
    public OperatorAccess operatorAccess() {
        return operatorAccess;
    }

    /** One line on the operator endpoints: where, and how to authenticate, or why they did not start. */
    public String operatorBanner() {
        OperatorAccess ops = operatorAccess;
        if (!ops.enabled()) {
            return "NOT STARTED: "
                    + (sandboxMode()
                            ? "examples.ops.enabled=false"
                            : "REAL API mode and no operator token; set EXAMPLES_OPS_TOKEN=label:token (24+ characters)");
        }
        String base = app().context().resolvePropertyPlaceholders("http://{{examples.ops.host}}:{{examples.ops.port}}");
        return base + "/ops/status (status page), POST /ops/refunds, /ops/fel/replay, /ops/reconcile; bearer token "
                + (ops.generatedTokenFile() != null
                        ? "generated for this run, in " + ops.generatedTokenFile()
                        : "from examples.ops.token");
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
