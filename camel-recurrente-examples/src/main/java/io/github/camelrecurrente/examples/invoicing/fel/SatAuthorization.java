package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * SAT's facts about an authorization number (the document's UUID): its serie and número (FEL_RCP366/367) and SAT's
 * public verification page.
 */
public final class SatAuthorization {

    /** SAT's public verifier. */
    public static final String VERIFIER =
            "https://felpub.c.sat.gob.gt/verificador-web/publico/vistas/verificacionDte.jsf";

    private SatAuthorization() {}

    /** @return true for an uppercase UUID as the schema wants it ({@code [0-9A-F]{8}-...}) */
    public static boolean isUuid(String uuid) {
        return uuid != null && uuid.matches("[0-9A-F]{8}-([0-9A-F]{4}-){3}[0-9A-F]{12}");
    }

    /** @return the UUID in upper case, as the schema wants it */
    public static String normaliseUuid(String uuid) {
        String u = uuid == null ? "" : uuid.strip().toUpperCase(Locale.ROOT);
        if (!isUuid(u)) {
            throw new IllegalArgumentException("not a UUID: '" + uuid + "'");
        }
        return u;
    }

    /** @return the serie SAT derives from a UUID: its first 8 hex characters (FEL_RCP366) */
    public static String serie(String uuid) {
        return normaliseUuid(uuid).substring(0, 8);
    }

    /** @return the número SAT derives from a UUID: hex characters 9 to 16 (hyphens left out) in decimal (FEL_RCP367) */
    public static String numero(String uuid) {
        String hex = normaliseUuid(uuid).replace("-", "").substring(8, 16);
        return Long.toString(Long.parseLong(hex, 16));
    }

    /** @return SAT's verification URL of a certified document */
    public static String verificationUrl(String uuid, String emitterNit, String receptorId, BigDecimal grandTotal) {
        return VERIFIER + "?tipo=autorizacion&numero=" + enc(normaliseUuid(uuid)) + "&emisor=" + enc(emitterNit)
                + "&receptor=" + enc(receptorId) + "&monto="
                + enc(grandTotal.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
