package io.github.camelrecurrente.examples.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelrecurrente.examples.invoicing.InvoicingMode;
import io.github.camelrecurrente.examples.invoicing.fel.FelInvoicing;
import io.github.camelrecurrente.examples.operator.OperatorTokens;
import io.github.camelrecurrente.examples.standins.SandboxEnvironment;
import io.github.camelrecurrente.examples.standins.StandInSmtpServer;
import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;

/**
 * Everything the example runs: the stand-ins it needs and the Camel app.
 * <ul>
 * <li>no {@code recurrente.secret-key} (env {@code RECURRENTE_SECRET_KEY}) -> SANDBOX MODE: {@link SandboxEnvironment}
 * (local emulator, app webhook registered there);</li>
 * <li>{@code fel.certifier} ({@link FelSetup}): {@code stand-in} (the sandbox mode's default) -> the
 * {@link InfileStandIn}; {@code infile} -> INFILE as {@code fel.infile.*} says; {@code off} -> nothing certified. With
 * keys there is no default, and the stand-in only with {@code fel.allow-stand-in-with-real-keys=true} (then nothing
 * of it is pushed or mailed);</li>
 * <li>{@code mail.smtp} ({@link MailSetup}): {@code stand-in} (the sandbox mode's default when no
 * {@code mail.smtp.uri} is set) -> the {@link StandInSmtpServer}; with keys only when asked for.</li>
 * <li>no {@code examples.ops.token} (env {@code EXAMPLES_OPS_TOKEN}) -> in sandbox mode a random operator token for
 * this run, written to {@code examples.ops.token-file}; in real-API mode the operator routes
 * ({@code routes/operator/*.yaml}) are not loaded at all.</li>
 * </ul>
 * The ledger database is always what {@code ledger.jdbc-url} says (embedded H2 file by default).
 */
public final class ExamplesStack implements AutoCloseable {

    private final Map<String, String> appProperties;
    private final SandboxEnvironment sandbox;
    private final InvoicingMode invoicingMode;
    private final FelInvoicing felInvoicing;
    private final InfileStandIn certifier;
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
            InvoicingMode invoicingMode,
            FelInvoicing felInvoicing,
            InfileStandIn certifier,
            StandInSmtpServer smtp,
            OperatorAccess operatorAccess) {
        this.appProperties = appProperties;
        this.sandbox = sandbox;
        this.invoicingMode = invoicingMode;
        this.felInvoicing = felInvoicing;
        this.certifier = certifier;
        this.smtp = smtp;
        this.operatorAccess = operatorAccess;
    }

    /**
     * Decides the invoicing and mail set-up (a missing or malformed {@code fel.*} or {@code mail.smtp*} property stops
     * here, with its name and the rule, before anything starts), starts the stand-ins that are needed, then the app.
     */
    public static ExamplesStack start(Map<String, String> overrides) {
        Settings settings = new Settings(overrides);
        RenamedProperties.refuseOldNames(settings);
        Map<String, String> props = new LinkedHashMap<>(overrides);
        boolean sandboxMode = settings.get("recurrente.secret-key") == null;
        InvoicingMode mode = FelSetup.decide(settings::get, sandboxMode);
        boolean smtpStandIn = MailSetup.standIn(settings::get, sandboxMode);
        boolean certifierStandIn = mode.certifier() == InvoicingMode.Certifier.STAND_IN;
        // infile: fel.emisor.* and fel.infile.* read (and checked) before anything starts
        FelInvoicing fel = certifierStandIn ? null : FelSetup.invoicing(mode, settings::get, Map.of());
        InfileStandIn certifier = null;
        StandInSmtpServer smtp = null;
        SandboxEnvironment sandbox = null;
        try {
            if (certifierStandIn) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
                certifier = InfileStandIn.builder().start();
                fel = FelSetup.invoicing(mode, settings::get, certifier.clientProperties());
            }
            if (smtpStandIn) {
                smtp = StandInSmtpServer.start(0);
                props.put("mail.smtp.uri", smtp.smtpUri());
            }
            if (sandboxMode) {
                String port = settings.get("camel.server.port");
                String path = settings.get("recurrente.webhook-path");
                sandbox = SandboxEnvironment.start("http://127.0.0.1:" + (port == null ? "8080" : port)
                        + (path == null ? "/recurrente/events" : path));
                props.putAll(sandbox.appProperties());
            }
            props.put("fel.certifier", mode.certifierValue());
            OperatorAccess ops = operatorAccess(settings, sandbox != null, props);
            ExamplesStack stack = new ExamplesStack(props, sandbox, mode, fel, certifier, smtp, ops);
            stack.app = stack.startCamel();
            return stack;
        } catch (RuntimeException e) {
            closeQuietly(sandbox);
            closeQuietly(certifier);
            closeQuietly(smtp);
            throw e;
        }
    }

    private ExamplesApplication startCamel() {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put(ExamplesConfiguration.INVOICING_MODE, invoicingMode);
        if (felInvoicing != null) {
            beans.put(ExamplesConfiguration.FEL_INVOICING, felInvoicing);
        }
        return ExamplesApplication.start(appProperties, beans);
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
        return base
                + "/ops/status (status page), POST /ops/refunds, /ops/fel/replay, /ops/fel/cancel, /ops/reconcile; bearer token "
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

    /** @return the INFILE stand-in, or null when {@code fel.certifier} is {@code infile} or {@code off} */
    public InfileStandIn certifier() {
        return certifier;
    }

    /** @return how this run invoices */
    public InvoicingMode invoicingMode() {
        return invoicingMode;
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
            app = startCamel();
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
