package io.github.camelrecurrente.examples.invoicing.fel;

import java.util.Locale;
import java.util.Set;

/**
 * Who the document is for ({@code IDReceptor}): {@code CF} (consumidor final), a NIT, or a CUI (the 13 digits of a
 * DPI, written with {@code TipoEspecial="CUI"}).
 *
 * @param type what the value is
 * @param value {@code CF}, the normalised NIT, or the 13 digits of the CUI
 */
public record BuyerId(Type type, String value) {

    /** What an {@code IDReceptor} is. */
    public enum Type {
        /** Consumidor final: no tax id; refused from Q2,500.00 (FEL_RCP535). */
        CF,
        /** A NIT, check digit verified. */
        NIT,
        /** A CUI (DPI number, 13 digits); SAT verifies it (FEL_RCP307/308). */
        CUI
    }

    /** The final consumer. */
    public static final BuyerId CF = new BuyerId(Type.CF, "CF");

    /** Our choice: what buyers type for "no NIT" is read as CF (the XML itself never carries these spellings). */
    private static final Set<String> CF_SPELLINGS = Set.of("CF", "C/F", "C.F.", "C.F", "CONSUMIDORFINAL");

    public BuyerId {
        if (type == null || value == null) {
            throw new IllegalArgumentException("a BuyerId has a type and a value");
        }
    }

    /**
     * Reads a payment's {@code tax_id}: blank or a CF spelling gives {@code CF}; 13 digits give a CUI; anything else
     * must be a NIT with a valid check digit, normalised as SAT wants it (no hyphen or space, {@code K} uppercase).
     *
     * @throws FelRefusal ({@link FelRule#RECEPTOR_NIT}) when it is neither
     */
    public static BuyerId parse(String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return CF;
        }
        String compact = taxId.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (CF_SPELLINGS.contains(compact)) {
            return CF;
        }
        String digits = compact.replace("-", "");
        if (digits.length() == 13 && digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.charAt(0) != '0') {
            return new BuyerId(Type.CUI, digits);
        }
        String nit = Nit.normalise(taxId);
        String problem = Nit.problem(nit);
        if (problem != null) {
            throw new FelRefusal(
                    FelRule.RECEPTOR_NIT, "the buyer's tax id '" + mask(taxId) + "' is not a NIT: " + problem);
        }
        return new BuyerId(Type.NIT, nit);
    }

    /** Reads an {@code IDReceptor} as written in a document ({@code CF}, a NIT, or a CUI when {@code cui}). */
    public static BuyerId ofDocument(String idReceptor, boolean cui) {
        if ("CF".equals(idReceptor)) {
            return CF;
        }
        return new BuyerId(cui ? Type.CUI : Type.NIT, idReceptor);
    }

    /** @return true for {@code CF} */
    public boolean isFinalConsumer() {
        return type == Type.CF;
    }

    /** A buyer's tax id is personal data, not a secret: shown whole, but cut to 20 characters in messages. */
    private static String mask(String raw) {
        String s = raw.strip();
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }

    @Override
    public String toString() {
        return type == Type.CF ? "CF" : type + " " + value;
    }
}
