package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FEL properties read into value types; every error names the property and the rule, never a secret. */
class FelPropertiesTest {

    @Test
    void emitterIsReadAndNormalised() {
        Map<String, String> p = FelTestData.emitterProperties();
        p.put("fel.emisor.nit", "1234567-9");
        p.put("fel.emisor.afiliacion-iva", " gen ");
        p.put("fel.emisor.frases", " 1:1 , 2:1 ");
        p.remove("fel.emisor.pais");
        FelEmitter e = FelProperties.emitter(p::get);
        assertEquals("12345679", e.nit());
        assertEquals("GEN", e.afiliacionIva());
        assertEquals("GT", e.pais());
        assertEquals(List.of(new Frase(1, 1), new Frase(2, 1)), e.frases());
        assertEquals(1, e.establecimiento());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "fel.emisor.nit, '1234567-0', check digit of 1234567 is 9",
        "fel.emisor.nit, '', is not set",
        "fel.emisor.afiliacion-iva, PEQ, only GEN",
        "fel.emisor.afiliacion-iva, '', is not set",
        "fel.emisor.frases, '1:x', '''1:x'' is not a phrase'",
        "fel.emisor.frases, '1-1', TipoFrase:CodigoEscenario",
        "fel.emisor.frases, '13:1', TipoFrase 1..12",
        "fel.emisor.frases, '1:1,1:2', TipoFrase 1 is given twice",
        "fel.emisor.frases, '', is not set",
        "fel.emisor.establecimiento, 'uno', is not the establishment's code",
        "fel.emisor.establecimiento, '0', 1 to 9999",
        "fel.emisor.codigo-postal, 'Zona 10', digits",
        "fel.emisor.nombre, '', is not set",
        "fel.emisor.nombre-comercial, ' ', is not set",
        "fel.emisor.direccion, '', is not set",
        "fel.emisor.municipio, '', is not set",
        "fel.emisor.departamento, '', is not set",
        "fel.emisor.pais, 'Guatemala', ISO 3166",
    })
    void aBadEmitterPropertyIsNamedWithItsRule(String property, String value, String rule) {
        Map<String, String> p = FelTestData.emitterProperties();
        p.put(property, value);
        FelConfigurationException e =
                assertThrows(FelConfigurationException.class, () -> FelProperties.emitter(p::get));
        assertEquals(property, e.property());
        assertTrue(e.getMessage().startsWith(property + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void anUnsupportedAffiliationSaysWhatIsSupported() {
        Map<String, String> p = FelTestData.emitterProperties();
        p.put("fel.emisor.afiliacion-iva", "PEQ");
        FelConfigurationException e =
                assertThrows(FelConfigurationException.class, () -> FelProperties.emitter(p::get));
        assertEquals(
                "fel.emisor.afiliacion-iva: 'PEQ' is not supported: only GEN (general IVA regime) is supported for now;"
                        + " small taxpayers (PEQ, documents FPEQ) and the other regimes follow other rules (let"
                        + " Recurrente issue your FEL documents, fel.certifier=off)",
                e.getMessage());
    }

    @Test
    void infileDefaultsAndCredentials() {
        InfileSettings s = FelProperties.infile(credentials()::get);
        assertEquals(URI.create("https://certificador.feel.com.gt"), s.url());
        assertEquals(URI.create("https://report.feel.com.gt"), s.reportUrl());
        assertEquals(
                "https://certificador.feel.com.gt/fel/procesounificado/transaccion/v2/xml",
                s.transactionUri().toString());
        assertEquals(
                "https://certificador.feel.com.gt/fel/consulta/dte/v2/identificador_unico",
                s.lookUpUri().toString());
        assertEquals(
                "https://report.feel.com.gt/ingfacereport/ingfacereport_documento?uuid=D412A347-9720-44C0-A9CC-FDE068F0A2E7",
                s.pdfUrl("D412A347-9720-44C0-A9CC-FDE068F0A2E7"));
        assertEquals(50, s.requestsPerSecond());
        assertEquals(25, s.concurrentRequests());
        assertEquals(Duration.ofSeconds(30), s.requestTimeout());
        assertEquals(Duration.ofMillis(250), s.rateMargin());
        assertEquals("s3cr3t-llave-api", s.credentials().llaveApi());
    }

    @Test
    void capsAndTimeoutsAreRead() {
        Map<String, String> p = credentials();
        p.put("fel.infile.url", "http://127.0.0.1:9999");
        p.put("fel.infile.requests-per-second", "7");
        p.put("fel.infile.concurrent-requests", "3");
        p.put("fel.infile.request-timeout", "2s");
        p.put("fel.infile.connect-timeout", "1500");
        p.put("fel.infile.rate-margin", "400ms");
        InfileSettings s = FelProperties.infile(p::get);
        assertEquals(Duration.ofMillis(400), s.rateMargin());
        assertEquals(7, s.requestsPerSecond());
        assertEquals(3, s.concurrentRequests());
        assertEquals(Duration.ofSeconds(2), s.requestTimeout());
        assertEquals(Duration.ofMillis(1500), s.connectTimeout());
        assertEquals(
                "http://127.0.0.1:9999/fel/procesounificado/transaccion/v2/xml",
                s.transactionUri().toString());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "fel.infile.llave-firma, '', FEL_INFILE_LLAVE_FIRMA",
        "fel.infile.usuario-firma, ' ', FEL_INFILE_USUARIO_FIRMA",
        "fel.infile.usuario-api, '', FEL_INFILE_USUARIO_API",
        "fel.infile.llave-api, '', FEL_INFILE_LLAVE_API",
        "fel.infile.url, 'ftp://x', http(s) URL",
        "fel.infile.url, 'https://user:pw@host', no query or user info",
        "fel.infile.report-url, 'not a url', is not a URL",
        "fel.infile.requests-per-second, '0', at least 1",
        "fel.infile.concurrent-requests, 'many', is not a whole number",
        "fel.infile.request-timeout, 'soon', is not a duration",
        "fel.infile.rate-margin, '1s', less than a second",
        "fel.infile.connect-timeout, 'PT10S', is not a duration such as 100ms",
    })
    void aBadInfilePropertyIsNamedWithItsRule(String property, String value, String rule) {
        Map<String, String> p = credentials();
        p.put(property, value);
        FelConfigurationException e = assertThrows(FelConfigurationException.class, () -> FelProperties.infile(p::get));
        assertEquals(property, e.property());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void credentialsAreNeverShown() {
        Map<String, String> p = credentials();
        InfileSettings s = FelProperties.infile(p::get);
        for (String text : List.of(s.toString(), s.credentials().toString())) {
            for (String secret : p.values()) {
                assertFalse(text.contains(secret), text);
            }
        }
        p.put("fel.infile.llave-firma", "bad key with spaces");
        FelConfigurationException e = assertThrows(FelConfigurationException.class, () -> FelProperties.infile(p::get));
        assertFalse(e.getMessage().contains("bad key"), e.getMessage());
        assertEquals("fel.infile.llave-firma", e.property());
    }

    @Test
    void cfLimitRate() {
        assertEquals(new BigDecimal("8.00"), FelProperties.cfLimit(k -> null).gtqPerUsd());
        assertEquals(new BigDecimal("7.95"), FelProperties.cfLimit(k -> "7.95").gtqPerUsd());
        FelConfigurationException e =
                assertThrows(FelConfigurationException.class, () -> FelProperties.cfLimit(k -> "ocho"));
        assertEquals("fel.cf-limit.gtq-per-usd", e.property());
        assertThrows(FelConfigurationException.class, () -> FelProperties.cfLimit(k -> "-1"));
    }

    @Test
    void environmentNames() {
        assertEquals("FEL_INFILE_LLAVE_API", FelProperties.environmentName("fel.infile.llave-api"));
        assertEquals("FEL_EMISOR_AFILIACION_IVA", FelProperties.environmentName("fel.emisor.afiliacion-iva"));
    }

    private static Map<String, String> credentials() {
        Map<String, String> p = new HashMap<>();
        p.put("fel.infile.usuario-firma", "USUARIO_FIRMA_X");
        p.put("fel.infile.llave-firma", "s3cr3t-llave-firma");
        p.put("fel.infile.usuario-api", "USUARIO_API_X");
        p.put("fel.infile.llave-api", "s3cr3t-llave-api");
        return p;
    }
}
