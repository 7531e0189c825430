package io.github.camelrecurrente.examples.standins.infile;

/**
 * One failed SAT rule, as the stand-in reports it in {@code descripcion_errores}.
 *
 * @param code SAT's code (catalogoMensajes 0.3.0), e.g. {@code FEL_RCP313}
 * @param message SAT's message, with the values that failed
 */
record SatCheck(String code, String message) {}
