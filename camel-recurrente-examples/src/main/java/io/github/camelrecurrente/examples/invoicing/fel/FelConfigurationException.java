package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * A FEL property is missing or malformed. The message names the property and the rule, never a secret's value; the
 * app does not start.
 */
public final class FelConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;

    public FelConfigurationException(String property, String rule) {
        super(property + ": " + rule);
        this.property = property;
    }

    /** @return the property's name, e.g. {@code fel.emisor.nit} */
    public String property() {
        return property;
    }
}
