package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.List;

/**
 * The merchant that issues the documents ({@code Emisor}), as registered at SAT (RTU). Read from the
 * {@code fel.emisor.*} properties by {@link FelProperties#emitter(java.util.function.Function)}; every value is
 * checked here against the schema and SAT's rules, and an error names the property and the rule.
 *
 * @param nit {@code NITEmisor}, normalised, check digit verified
 * @param nombre {@code NombreEmisor} (the RTU's name, 1..400)
 * @param nombreComercial {@code NombreComercial} (the establishment's name, 1..255)
 * @param establecimiento {@code CodigoEstablecimiento} (1..9999)
 * @param afiliacionIva {@code AfiliacionIVA}: {@code GEN} only for now
 * @param direccion {@code Direccion} (1..200)
 * @param codigoPostal {@code CodigoPostal} (digits)
 * @param municipio {@code Municipio} (1..100)
 * @param departamento {@code Departamento} (1..100)
 * @param pais {@code Pais} (ISO code, e.g. GT)
 * @param frases the phrases of the emitter's registration
 */
public record FelEmitter(
        String nit,
        String nombre,
        String nombreComercial,
        int establecimiento,
        String afiliacionIva,
        String direccion,
        String codigoPostal,
        String municipio,
        String departamento,
        String pais,
        List<Frase> frases) {

    /** The only affiliation supported for now: general regime (documents FACT/NCRE with IVA 12 %). */
    public static final String GENERAL_REGIME = "GEN";

    public FelEmitter {
        nit = Nit.normalise(nit);
        String nitProblem = Nit.problem(nit);
        if (nitProblem != null) {
            throw new FelConfigurationException(FelProperties.EMISOR_NIT, "'" + nit + "' is not a NIT: " + nitProblem);
        }
        nombre = required(FelProperties.EMISOR_NOMBRE, nombre, 400);
        nombreComercial = required(FelProperties.EMISOR_NOMBRE_COMERCIAL, nombreComercial, 255);
        if (establecimiento < 1 || establecimiento > 9999) {
            throw new FelConfigurationException(
                    FelProperties.EMISOR_ESTABLECIMIENTO,
                    "the establishment's code at SAT is a number from 1 to 9999, got " + establecimiento);
        }
        if (!GENERAL_REGIME.equals(afiliacionIva)) {
            throw new FelConfigurationException(
                    FelProperties.EMISOR_AFILIACION_IVA,
                    "'" + afiliacionIva + "' is not supported: only GEN (general IVA regime) is supported for now;"
                            + " small taxpayers (PEQ, documents FPEQ) and the other regimes follow other rules"
                            + " (let Recurrente issue your FEL documents, fel.certifier=off)");
        }
        direccion = required(FelProperties.EMISOR_DIRECCION, direccion, 200);
        codigoPostal = Text.collapse(codigoPostal);
        if (!codigoPostal.matches("[0-9]{1,10}")) {
            throw new FelConfigurationException(
                    FelProperties.EMISOR_CODIGO_POSTAL,
                    "a postal code is digits, e.g. 01010, got '" + codigoPostal + "'");
        }
        municipio = required(FelProperties.EMISOR_MUNICIPIO, municipio, 100);
        departamento = required(FelProperties.EMISOR_DEPARTAMENTO, departamento, 100);
        pais = Text.collapse(pais);
        if (!pais.matches("[A-Z]{2}")) {
            throw new FelConfigurationException(
                    FelProperties.EMISOR_PAIS,
                    "a country is its ISO 3166 code in capitals, e.g. GT, got '" + pais + "'");
        }
        if (frases == null || frases.isEmpty()) {
            throw new FelConfigurationException(
                    FelProperties.EMISOR_FRASES, "at least one phrase is required (e.g. 1:1), from the emitter's RTU");
        }
        frases = List.copyOf(frases);
    }

    private static String required(String property, String value, int max) {
        String v = Text.collapse(value);
        if (v.isEmpty()) {
            throw new FelConfigurationException(property, "is not set (required, 1 to " + max + " characters)");
        }
        if (v.length() > max) {
            throw new FelConfigurationException(property, "is longer than " + max + " characters (SAT's schema)");
        }
        return v;
    }
}
