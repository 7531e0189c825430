package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * What the caller knows about earlier tries of a document.
 *
 * @param revision 0 normally; the operator's replay of a document after a final failure with changed data uses the
 *     next one (a new identificador: see {@link Identificador})
 * @param mayHaveBeenSent true when an earlier try may have reached the certifier (the step was in doubt after a
 *     crash, or a retry after a lost answer): the document is looked up by identificador before it is sent
 */
public record Attempt(int revision, boolean mayHaveBeenSent) {

    /** The first try of a document. */
    public static final Attempt FIRST = new Attempt(0, false);

    public Attempt {
        if (revision < 0) {
            throw new IllegalArgumentException("revision is 0 or more");
        }
    }

    /** A try of revision {@code revision} after one that may have reached the certifier. */
    public static Attempt inDoubt(int revision) {
        return new Attempt(revision, true);
    }
}
