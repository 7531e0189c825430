package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import io.github.camelrecurrente.examples.ledger.DurationProperty;

/**
 * The FEL properties (names as operators and checks rely on them) and their reading into value types. A lookup
 * function gives a property's value or null when unset (the bundle passes its settings: {@code -D} system property,
 * environment variable, {@code application.properties}). Every error is a {@link FelConfigurationException} naming
 * the property and the rule.
 */
public final class FelProperties {

    public static final String CERTIFIER = "fel.certifier";
    public static final String INFILE_URL = "fel.infile.url";
    public static final String INFILE_REPORT_URL = "fel.infile.report-url";
    public static final String INFILE_USUARIO_FIRMA = "fel.infile.usuario-firma";
    public static final String INFILE_LLAVE_FIRMA = "fel.infile.llave-firma";
    public static final String INFILE_USUARIO_API = "fel.infile.usuario-api";
    public static final String INFILE_LLAVE_API = "fel.infile.llave-api";
    /** Our addition: the cap on requests per second. */
    public static final String INFILE_REQUESTS_PER_SECOND = "fel.infile.requests-per-second";
    /** Our addition: the cap on concurrent requests. */
    public static final String INFILE_CONCURRENT_REQUESTS = "fel.infile.concurrent-requests";
    /** Our addition: the answer timeout (a duration such as 30s, or milliseconds). */
    public static final String INFILE_REQUEST_TIMEOUT = "fel.infile.request-timeout";
    /** Our addition: the connect timeout (a duration such as 10s, or milliseconds). */
    public static final String INFILE_CONNECT_TIMEOUT = "fel.infile.connect-timeout";
    /** Our addition: how much longer than a second the window of the cap per second is (e.g. 100ms). */
    public static final String INFILE_RATE_MARGIN = "fel.infile.rate-margin";

    public static final String EMISOR_NIT = "fel.emisor.nit";
    public static final String EMISOR_NOMBRE = "fel.emisor.nombre";
    public static final String EMISOR_NOMBRE_COMERCIAL = "fel.emisor.nombre-comercial";
    public static final String EMISOR_ESTABLECIMIENTO = "fel.emisor.establecimiento";
    public static final String EMISOR_AFILIACION_IVA = "fel.emisor.afiliacion-iva";
    public static final String EMISOR_DIRECCION = "fel.emisor.direccion";
    public static final String EMISOR_CODIGO_POSTAL = "fel.emisor.codigo-postal";
    public static final String EMISOR_MUNICIPIO = "fel.emisor.municipio";
    public static final String EMISOR_DEPARTAMENTO = "fel.emisor.departamento";
    public static final String EMISOR_PAIS = "fel.emisor.pais";
    public static final String EMISOR_FRASES = "fel.emisor.frases";
    /** Our addition: the rate used to check a USD document to CF against Q2,500.00 ({@link CfLimit}). */
    public static final String CF_LIMIT_GTQ_PER_USD = "fel.cf-limit.gtq-per-usd";

    private FelProperties() {}

    /** @return the environment variable of a property: {@code fel.infile.llave-api} is {@code FEL_INFILE_LLAVE_API} */
    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Reads the emitter ({@code fel.emisor.*}). */
    public static FelEmitter emitter(Function<String, String> properties) {
        String pais = properties.apply(EMISOR_PAIS);
        return new FelEmitter(
                required(properties, EMISOR_NIT, "the emitter's NIT as registered at SAT, e.g. 12345679"),
                properties.apply(EMISOR_NOMBRE),
                properties.apply(EMISOR_NOMBRE_COMERCIAL),
                integer(properties, EMISOR_ESTABLECIMIENTO, null, "the establishment's code at SAT, 1 to 9999"),
                required(properties, EMISOR_AFILIACION_IVA, "the emitter's IVA regime at SAT: GEN")
                        .strip()
                        .toUpperCase(Locale.ROOT),
                properties.apply(EMISOR_DIRECCION),
                required(properties, EMISOR_CODIGO_POSTAL, "the establishment's postal code, e.g. 01010"),
                properties.apply(EMISOR_MUNICIPIO),
                properties.apply(EMISOR_DEPARTAMENTO),
                pais == null || pais.isBlank() ? "GT" : pais.strip().toUpperCase(Locale.ROOT),
                Frase.parseList(EMISOR_FRASES, properties.apply(EMISOR_FRASES)));
    }

    /** Reads INFILE's settings ({@code fel.infile.*}); the credentials are required. */
    public static InfileSettings infile(Function<String, String> properties) {
        InfileCredentials credentials = new InfileCredentials(
                properties.apply(INFILE_USUARIO_FIRMA),
                properties.apply(INFILE_LLAVE_FIRMA),
                properties.apply(INFILE_USUARIO_API),
                properties.apply(INFILE_LLAVE_API));
        return new InfileSettings(
                uri(properties, INFILE_URL, InfileSettings.DEFAULT_URL),
                uri(properties, INFILE_REPORT_URL, InfileSettings.DEFAULT_REPORT_URL),
                credentials,
                integer(
                        properties,
                        INFILE_REQUESTS_PER_SECOND,
                        InfileSettings.DEFAULT_REQUESTS_PER_SECOND,
                        "a whole number of requests per second, at least 1"),
                integer(
                        properties,
                        INFILE_CONCURRENT_REQUESTS,
                        InfileSettings.DEFAULT_CONCURRENT_REQUESTS,
                        "a whole number of requests at a time, at least 1"),
                duration(properties, INFILE_REQUEST_TIMEOUT, InfileSettings.DEFAULT_REQUEST_TIMEOUT),
                duration(properties, INFILE_CONNECT_TIMEOUT, InfileSettings.DEFAULT_CONNECT_TIMEOUT),
                duration(properties, INFILE_RATE_MARGIN, InfileSettings.DEFAULT_RATE_MARGIN));
    }

    /** Reads the CF limit's conversion rate ({@code fel.cf-limit.gtq-per-usd}, default 8.00). */
    public static CfLimit cfLimit(Function<String, String> properties) {
        String v = properties.apply(CF_LIMIT_GTQ_PER_USD);
        if (v == null || v.isBlank()) {
            return CfLimit.DEFAULT;
        }
        try {
            return new CfLimit(new BigDecimal(v.strip()));
        } catch (NumberFormatException e) {
            throw new FelConfigurationException(
                    CF_LIMIT_GTQ_PER_USD, "'" + v + "' is not a number of quetzales per dollar, e.g. 8.00");
        }
    }

    static URI baseUrl(String property, URI uri) {
        if (uri == null
                || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw new FelConfigurationException(
                    property, "is an http(s) URL with a host and no query or user info, e.g. " + exampleOf(property));
        }
        return uri;
    }

    private static String exampleOf(String property) {
        return INFILE_REPORT_URL.equals(property) ? InfileSettings.DEFAULT_REPORT_URL : InfileSettings.DEFAULT_URL;
    }

    private static String required(Function<String, String> properties, String name, String what) {
        String v = properties.apply(name);
        if (v == null || v.isBlank()) {
            throw new FelConfigurationException(name, "is not set (required: " + what + ")");
        }
        return v;
    }

    private static URI uri(Function<String, String> properties, String name, String fallback) {
        String v = properties.apply(name);
        String text = v == null || v.isBlank() ? fallback : v.strip();
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new FelConfigurationException(name, "'" + text + "' is not a URL, e.g. " + fallback);
        }
    }

    private static int integer(Function<String, String> properties, String name, Integer fallback, String what) {
        String v = properties.apply(name);
        if (v == null || v.isBlank()) {
            if (fallback == null) {
                throw new FelConfigurationException(name, "is not set (required: " + what + ")");
            }
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new FelConfigurationException(name, "'" + v.strip() + "' is not " + what);
        }
    }

    private static Duration duration(Function<String, String> properties, String name, Duration fallback) {
        String v = properties.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            // the bundle's one rule for durations (Camel's style: 500ms, 30s, 5m; plain digits are milliseconds)
            return DurationProperty.parse(name, v);
        } catch (IllegalArgumentException e) {
            throw new FelConfigurationException(
                    name,
                    "'" + v.strip() + "' is not a duration such as 100ms, 30s or 5m (plain digits are milliseconds)");
        }
    }
}
