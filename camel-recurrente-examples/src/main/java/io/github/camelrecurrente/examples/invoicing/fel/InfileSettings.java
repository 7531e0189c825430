package io.github.camelrecurrente.examples.invoicing.fel;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach INFILE: read from the {@code fel.infile.*} properties by
 * {@link FelProperties#infile(java.util.function.Function)}. {@link #toString()} shows no credential.
 *
 * @param url the certifier's base URL ({@code fel.infile.url}): the unified endpoint and the look-up are under it
 * @param reportUrl the base URL of INFILE's PDFs ({@code fel.infile.report-url})
 * @param credentials the four credentials
 * @param requestsPerSecond at most this many requests start in any one second ({@code fel.infile.requests-per-second})
 * @param concurrentRequests at most this many requests at a time ({@code fel.infile.concurrent-requests})
 * @param requestTimeout how long to wait for an answer before it counts as lost ({@code fel.infile.request-timeout})
 * @param connectTimeout how long to wait for a connection ({@code fel.infile.connect-timeout})
 * @param rateMargin how much longer than a second the window of {@code requestsPerSecond} is
 *     ({@code fel.infile.rate-margin}): INFILE counts the requests as they arrive, a little bunched by the network and
 *     its own server
 */
public record InfileSettings(
        URI url,
        URI reportUrl,
        InfileCredentials credentials,
        int requestsPerSecond,
        int concurrentRequests,
        Duration requestTimeout,
        Duration connectTimeout,
        Duration rateMargin) {

    /** INFILE's production host (test mode, "implementación", uses the same URLs). */
    public static final String DEFAULT_URL = "https://certificador.feel.com.gt";
    /** INFILE's host for the PDFs. */
    public static final String DEFAULT_REPORT_URL = "https://report.feel.com.gt";
    /** Our default cap on requests per second (INFILE publishes none). */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 50;
    /** Our default cap on concurrent requests. */
    public static final int DEFAULT_CONCURRENT_REQUESTS = 25;
    /** Our default answer timeout. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Our default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Our default margin on the window of the cap per second. */
    public static final Duration DEFAULT_RATE_MARGIN = Duration.ofMillis(250);

    public InfileSettings {
        url = FelProperties.baseUrl(FelProperties.INFILE_URL, url);
        reportUrl = FelProperties.baseUrl(FelProperties.INFILE_REPORT_URL, reportUrl);
        if (credentials == null) {
            throw new FelConfigurationException(FelProperties.INFILE_USUARIO_FIRMA, "the credentials are required");
        }
        if (requestsPerSecond < 1) {
            throw new FelConfigurationException(FelProperties.INFILE_REQUESTS_PER_SECOND, "must be at least 1");
        }
        if (concurrentRequests < 1) {
            throw new FelConfigurationException(FelProperties.INFILE_CONCURRENT_REQUESTS, "must be at least 1");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new FelConfigurationException(FelProperties.INFILE_REQUEST_TIMEOUT, "must be a positive duration");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new FelConfigurationException(FelProperties.INFILE_CONNECT_TIMEOUT, "must be a positive duration");
        }
        if (rateMargin == null || rateMargin.isNegative() || rateMargin.compareTo(Duration.ofSeconds(1)) >= 0) {
            throw new FelConfigurationException(
                    FelProperties.INFILE_RATE_MARGIN, "must be 0 or more and less than a second, e.g. 100ms");
        }
    }

    /** Settings with the default caps, timeouts and margin. */
    public static InfileSettings of(URI url, URI reportUrl, InfileCredentials credentials) {
        return new InfileSettings(
                url,
                reportUrl,
                credentials,
                DEFAULT_REQUESTS_PER_SECOND,
                DEFAULT_CONCURRENT_REQUESTS,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_RATE_MARGIN);
    }

    /** @return the unified endpoint: certifies and cancels */
    public URI transactionUri() {
        return url.resolve("/fel/procesounificado/transaccion/v2/xml");
    }

    /** @return the look-up by identificador */
    public URI lookUpUri() {
        return url.resolve("/fel/consulta/dte/v2/identificador_unico");
    }

    /** @return the PDF of a certified document */
    public String pdfUrl(String uuid) {
        return reportUrl.resolve("/ingfacereport/ingfacereport_documento") + "?uuid=" + uuid;
    }

    @Override
    public String toString() {
        return "InfileSettings[url=" + url + ", reportUrl=" + reportUrl + ", credentials=" + credentials
                + ", requestsPerSecond=" + requestsPerSecond + ", concurrentRequests=" + concurrentRequests
                + ", requestTimeout=" + requestTimeout + ", connectTimeout=" + connectTimeout + ", rateMargin="
                + rateMargin + "]";
    }
}
