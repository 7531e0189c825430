/**
 * A STAND-IN for INFILE, Guatemala's FEL certifier: a loopback HTTP server faithful to the facts of
 * {@code docs/fel.md} (the same paths, headers and JSON answers, SAT's arithmetic and CF rule checked on the XML it
 * receives, the repeat answer, the look-up, the PDF) for the demo and the tests. It is not a certifier: it signs
 * nothing and talks to no tax authority.
 * <p>
 * An independent reading of INFILE's and SAT's facts: it does not import {@code invoicing.fel} (the client and the
 * documents it tests) and reads the XML it receives with the JDK's DOM.
 */
package io.github.camelrecurrente.examples.standins.infile;
