package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * One entry of a certifier's list of errors (INFILE: {@code descripcion_errores[]}).
 *
 * @param source {@code fuente} (who found it: INFILE, SAT, ...), may be empty
 * @param category {@code categoria}, may be empty
 * @param numeral {@code numeral} (the rule's number in SAT's document), may be empty
 * @param validation {@code validacion} (the rule's text), may be empty
 * @param message {@code mensaje_error}: the message to show the operator
 */
public record CertifierMessage(String source, String category, String numeral, String validation, String message) {

    public CertifierMessage {
        source = source == null ? "" : source;
        category = category == null ? "" : category;
        numeral = numeral == null ? "" : numeral;
        validation = validation == null ? "" : validation;
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        String where = source.isEmpty() ? "" : source + (numeral.isEmpty() ? "" : " " + numeral) + ": ";
        return where + message;
    }
}
