package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.regex.Pattern;

/**
 * The receptor of a document.
 *
 * @param id {@code CF}, NIT or CUI
 * @param name {@code NombreReceptor} (1 to 400 characters)
 * @param email {@code CorreoReceptor}, or null (left out)
 */
public record Buyer(BuyerId id, String name, String email) {

    /** What SAT's documents call a buyer without a NIT. */
    public static final String FINAL_CONSUMER_NAME = "Consumidor Final";

    /** The XSD's {@code TipoCorreoElectronico} (one address). */
    private static final Pattern EMAIL = Pattern.compile("\\w[-+._\\w]+@\\w[-.\\w]+\\.\\w[-.\\w]+");

    public Buyer {
        if (id == null) {
            throw new IllegalArgumentException("buyer.id is required (BuyerId.CF for a final consumer)");
        }
        name = Text.collapse(name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("buyer.name is required (1 to 400 characters)");
        }
        name = Text.cut(name, 400);
        email = email == null || !EMAIL.matcher(email.strip()).matches() ? null : email.strip();
    }

    /**
     * The buyer of a payment, from its documented fields. {@code tax_id} is read by {@link BuyerId#parse(String)}.
     * Our choices: a CF buyer is named "Consumidor Final" whatever {@code tax_name} says; a NIT or CUI without
     * {@code tax_name} is named by the id itself (SAT does not check the name); an email the schema would refuse is
     * left out rather than failing the invoice.
     *
     * @throws FelRefusal when {@code tax_id} is not CF, a CUI or a valid NIT
     */
    public static Buyer fromPayment(String taxId, String taxName, String email) {
        BuyerId id = BuyerId.parse(taxId);
        String name = id.isFinalConsumer() ? FINAL_CONSUMER_NAME : Text.collapse(taxName);
        return new Buyer(id, name.isEmpty() ? id.value() : name, email);
    }
}
