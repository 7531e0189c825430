package io.github.camelrecurrente.examples.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.camelrecurrente.examples.invoicing.InvoicingMode;
import io.github.camelrecurrente.examples.invoicing.InvoicingMode.Certifier;
import io.github.camelrecurrente.examples.invoicing.fel.FelConfigurationException;
import io.github.camelrecurrente.examples.invoicing.fel.FelInvoicing;
import io.github.camelrecurrente.examples.invoicing.fel.FelProperties;

/**
 * Who certifies this run's invoices, decided before anything starts (issue #20, item 6): nothing from a stand-in may
 * reach a real Recurrente account.
 * <ul>
 * <li>{@code fel.certifier} = {@code infile} | {@code stand-in} | {@code off}. Sandbox mode (no keys): default
 * {@code stand-in}. Real-API mode (keys set): no default, the app does not start without it;</li>
 * <li>{@code stand-in} with real keys is refused unless {@code fel.allow-stand-in-with-real-keys=true}; then the
 * stand-in's documents stay in the ledger and nothing of them is pushed ({@code tax_invoice_url}) or mailed;</li>
 * <li>any other value, or a malformed {@code fel.allow-stand-in-with-real-keys}, stops the start with the property's
 * name and the rule. So do the {@code fel.emisor.*} and {@code fel.infile.*} properties ({@link FelProperties}),
 * read here, before the stand-ins or Camel start.</li>
 * </ul>
 */
final class FelSetup {

    static final String ALLOW_STAND_IN_WITH_REAL_KEYS = "fel.allow-stand-in-with-real-keys";

    /** The INFILE properties the stand-in answers for (its URL and the credentials it accepts). */
    private static final String[] STAND_IN_OWNED = {
        FelProperties.INFILE_URL,
        FelProperties.INFILE_REPORT_URL,
        FelProperties.INFILE_USUARIO_FIRMA,
        FelProperties.INFILE_LLAVE_FIRMA,
        FelProperties.INFILE_USUARIO_API,
        FelProperties.INFILE_LLAVE_API
    };

    private FelSetup() {}

    /**
     * @param setting a setting's value or null (override, {@code -D}, environment, application.properties)
     * @param sandboxMode no Recurrente keys configured
     * @throws FelConfigurationException naming the property and the rule
     */
    static InvoicingMode decide(Function<String, String> setting, boolean sandboxMode) {
        String value = setting.apply(FelProperties.CERTIFIER);
        if (value == null) {
            if (sandboxMode) {
                return new InvoicingMode(Certifier.STAND_IN, true);
            }
            throw new FelConfigurationException(
                    FelProperties.CERTIFIER,
                    "is not set (environment FEL_CERTIFIER). With Recurrente keys there is no default: infile (certify"
                            + " through INFILE: set fel.infile.* and fel.emisor.*, docs/fel.md), off (issue nothing:"
                            + " Recurrente issues FEL for you) or stand-in (only with "
                            + ALLOW_STAND_IN_WITH_REAL_KEYS + "=true; nothing of it reaches Recurrente)");
        }
        Certifier certifier = Certifier.of(value);
        if (certifier == null) {
            throw new FelConfigurationException(
                    FelProperties.CERTIFIER, "'" + value + "' is not one of infile, stand-in, off");
        }
        boolean allowed = bool(setting, ALLOW_STAND_IN_WITH_REAL_KEYS);
        if (certifier == Certifier.STAND_IN && !sandboxMode && !allowed) {
            throw new FelConfigurationException(
                    FelProperties.CERTIFIER,
                    "stand-in is refused with Recurrente keys (real-API mode): its documents are not invoices. Use"
                            + " infile or off, or set " + ALLOW_STAND_IN_WITH_REAL_KEYS
                            + "=true to try the stand-in anyway (nothing of it is then pushed to Recurrente or mailed)");
        }
        return new InvoicingMode(certifier, certifier == Certifier.INFILE || sandboxMode);
    }

    /**
     * The invoicing client of this run, or null with {@code off}.
     *
     * @param standInProperties the stand-in's {@code clientProperties()} with {@code stand-in}, else ignored
     * @throws FelConfigurationException naming the first missing or malformed property
     */
    static FelInvoicing invoicing(
            InvoicingMode mode, Function<String, String> setting, Map<String, String> standInProperties) {
        return switch (mode.certifier()) {
            case OFF -> null;
            case INFILE -> FelInvoicing.withInfile(setting, Clock.systemUTC());
            case STAND_IN -> FelInvoicing.withInfile(standInSettings(setting, standInProperties), Clock.systemUTC());
        };
    }

    /**
     * With the stand-in: its URL and credentials (whatever {@code fel.infile.*} says: the stand-in never talks to the
     * real INFILE, nor the real INFILE to it), and the demo emitter {@link #DEMO_EMITTER} where {@code fel.emisor.*}
     * is not set.
     */
    static Function<String, String> standInSettings(
            Function<String, String> setting, Map<String, String> standInProperties) {
        Map<String, String> owned = new LinkedHashMap<>();
        for (String key : STAND_IN_OWNED) {
            owned.put(key, standInProperties.get(key));
        }
        return key -> {
            if (owned.containsKey(key)) {
                return owned.get(key);
            }
            String v = setting.apply(key);
            return v != null ? v : DEMO_EMITTER.get(key);
        };
    }

    /** The emitter of the sandbox demo ("Mi Tienda"; the NIT's check digit is valid), used with the stand-in only. */
    static final Map<String, String> DEMO_EMITTER = Map.ofEntries(
            Map.entry(FelProperties.EMISOR_NIT, "12345679"),
            Map.entry(FelProperties.EMISOR_NOMBRE, "MI TIENDA, SOCIEDAD ANONIMA"),
            Map.entry(FelProperties.EMISOR_NOMBRE_COMERCIAL, "Mi Tienda"),
            Map.entry(FelProperties.EMISOR_ESTABLECIMIENTO, "1"),
            Map.entry(FelProperties.EMISOR_AFILIACION_IVA, "GEN"),
            Map.entry(FelProperties.EMISOR_DIRECCION, "4a Avenida 1-23 Zona 10"),
            Map.entry(FelProperties.EMISOR_CODIGO_POSTAL, "01010"),
            Map.entry(FelProperties.EMISOR_MUNICIPIO, "Guatemala"),
            Map.entry(FelProperties.EMISOR_DEPARTAMENTO, "Guatemala"),
            Map.entry(FelProperties.EMISOR_PAIS, "GT"),
            Map.entry(FelProperties.EMISOR_FRASES, "1:1"));

    private static boolean bool(Function<String, String> setting, String name) {
        String v = setting.apply(name);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new FelConfigurationException(name, "'" + v + "' is not true or false");
    }
}
