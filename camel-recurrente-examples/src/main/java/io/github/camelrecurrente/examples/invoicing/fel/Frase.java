package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A phrase of the document ({@code Frases/Frase}): which legend the emitter's tax registration requires, e.g.
 * {@code 1:1} (TipoFrase 1 "ISR", escenario 1 "sujeto a pagos trimestrales ISR"). They come from the emitter's RTU
 * and are configured per merchant ({@code fel.emisor.frases}).
 *
 * @param tipoFrase 1 to 12 (XSD)
 * @param codigoEscenario 1 to 99 (XSD)
 */
public record Frase(int tipoFrase, int codigoEscenario) {

    public Frase {
        if (tipoFrase < 1 || tipoFrase > 12 || codigoEscenario < 1 || codigoEscenario > 99) {
            throw new IllegalArgumentException(
                    "TipoFrase is 1..12 and CodigoEscenario 1..99, got " + tipoFrase + ":" + codigoEscenario);
        }
    }

    /**
     * Parses {@code TipoFrase:CodigoEscenario} pairs separated by commas, e.g. {@code 1:1,2:1}.
     *
     * @param property the property's name, for the error message
     * @throws FelConfigurationException naming the property and the rule when malformed, empty, out of range, or a
     *     TipoFrase given twice (SAT's FEL_RCP487: one phrase of each type)
     */
    public static List<Frase> parseList(String property, String value) {
        String rule = "comma-separated TipoFrase:CodigoEscenario pairs from the emitter's RTU, e.g. 1:1 or 1:1,2:1"
                + " (TipoFrase 1..12, CodigoEscenario 1..99)";
        if (value == null || value.isBlank()) {
            throw new FelConfigurationException(property, "is not set; " + rule);
        }
        List<Frase> frases = new ArrayList<>();
        Set<Integer> types = new HashSet<>();
        for (String part : value.split(",", -1)) {
            String[] pair = part.strip().split(":", -1);
            Frase frase;
            try {
                if (pair.length != 2) {
                    throw new IllegalArgumentException("not a pair");
                }
                frase = new Frase(Integer.parseInt(pair[0].strip()), Integer.parseInt(pair[1].strip()));
            } catch (IllegalArgumentException e) {
                throw new FelConfigurationException(property, "'" + part.strip() + "' is not a phrase; " + rule);
            }
            if (!types.add(frase.tipoFrase())) {
                throw new FelConfigurationException(
                        property, "TipoFrase " + frase.tipoFrase() + " is given twice (SAT's FEL_RCP487: one each)");
            }
            frases.add(frase);
        }
        return List.copyOf(frases);
    }

    @Override
    public String toString() {
        return tipoFrase + ":" + codigoEscenario;
    }
}
