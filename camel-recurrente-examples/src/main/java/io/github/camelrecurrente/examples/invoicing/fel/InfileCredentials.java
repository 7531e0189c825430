package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * The four credentials INFILE gives an accredited emitter, sent as headers of every request. Secrets: never in
 * {@link #toString()}, logs, metrics or exception messages.
 *
 * @param usuarioFirma header {@code UsuarioFirma} ({@code fel.infile.usuario-firma})
 * @param llaveFirma header {@code LlaveFirma} ({@code fel.infile.llave-firma})
 * @param usuarioApi header {@code UsuarioApi}, and {@code usuario} of the look-up ({@code fel.infile.usuario-api})
 * @param llaveApi header {@code LlaveApi}, and {@code llave} of the look-up ({@code fel.infile.llave-api})
 */
public record InfileCredentials(String usuarioFirma, String llaveFirma, String usuarioApi, String llaveApi) {

    public InfileCredentials {
        usuarioFirma = require(FelProperties.INFILE_USUARIO_FIRMA, usuarioFirma);
        llaveFirma = require(FelProperties.INFILE_LLAVE_FIRMA, llaveFirma);
        usuarioApi = require(FelProperties.INFILE_USUARIO_API, usuarioApi);
        llaveApi = require(FelProperties.INFILE_LLAVE_API, llaveApi);
    }

    private static String require(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new FelConfigurationException(
                    property,
                    "is not set (environment " + FelProperties.environmentName(property)
                            + "): INFILE gives it with the accreditation; required with fel.certifier=infile");
        }
        String v = value.strip();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new FelConfigurationException(
                        property, "has a character an HTTP header cannot carry (value not shown: it is a secret)");
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return "InfileCredentials[usuarioFirma=****, llaveFirma=****, usuarioApi=****, llaveApi=****]";
    }
}
