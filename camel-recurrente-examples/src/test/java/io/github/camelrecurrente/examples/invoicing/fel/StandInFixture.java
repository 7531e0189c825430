package io.github.camelrecurrente.examples.invoicing.fel;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.camelrecurrente.examples.standins.infile.InfileStandIn;

/** The INFILE stand-in on loopback, and clients of it, for the tests of this package. */
final class StandInFixture {

    /** The certification clock: an hour after the reference emission time. */
    static final Instant NOW = FelTestData.EMITTED.plusSeconds(3600);

    private StandInFixture() {}

    static InfileStandIn.Builder standIn() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return InfileStandIn.builder()
                .credentials("USR_FIRMA", "llave-firma-9f8e7d", "USR_API", "llave-api-1a2b3c")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static InfileSettings settings(InfileStandIn s) {
        return settings(s, new InfileCredentials(s.usuarioFirma(), s.llaveFirma(), s.usuarioApi(), s.llaveApi()));
    }

    static InfileSettings settings(InfileStandIn s, InfileCredentials credentials) {
        return new InfileSettings(
                URI.create(s.rootUrl()),
                URI.create(s.rootUrl()),
                credentials,
                50,
                10,
                Duration.ofSeconds(20),
                Duration.ofSeconds(5),
                InfileSettings.DEFAULT_RATE_MARGIN);
    }

    /** The same document with its XML changed (to send what the builder would never make). */
    static FelDocument withXml(FelDocument d, String xml) {
        return new FelDocument(
                d.kind(),
                d.identificador(),
                xml,
                d.emitterNit(),
                d.establishment(),
                d.emittedAt(),
                d.receptor(),
                d.currency(),
                d.grandTotal(),
                d.ivaTotal(),
                d.referencedUuid());
    }
}
