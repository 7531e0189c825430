package io.github.camelrecurrente.examples.invoicing;

import java.util.Locale;

/**
 * How this run invoices (decided once at start by the app from {@code fel.certifier}, the mode and
 * {@code fel.allow-stand-in-with-real-keys}; bound as the bean {@code invoicingMode}, never read from a property the
 * environment could override):
 * <ul>
 * <li>{@link Certifier#INFILE}: SAT documents certified through INFILE; the PDF link is pushed as
 * {@code tax_invoice_url} and mailed;</li>
 * <li>{@link Certifier#STAND_IN}: the same documents certified by the INFILE stand-in. In sandbox mode its links are
 * pushed to the emulator and mailed to the stand-in SMTP server; with real keys (allowed only with
 * {@code fel.allow-stand-in-with-real-keys=true}) nothing of it is pushed or mailed ({@link #publishes()} false);</li>
 * <li>{@link Certifier#OFF}: nothing is certified and nothing pushed (Recurrente issues FEL itself); the receipt is
 * mailed without an invoice.</li>
 * </ul>
 *
 * @param certifier who certifies
 * @param publishes true when the certified document's link may reach Recurrente ({@code tax_invoice_url}) and the
 *     buyer (the receipt)
 */
public record InvoicingMode(Certifier certifier, boolean publishes) {

    /** The values of {@code fel.certifier}. */
    public enum Certifier {
        INFILE("infile"),
        STAND_IN("stand-in"),
        OFF("off");

        private final String value;

        Certifier(String value) {
            this.value = value;
        }

        /** @return the property value, e.g. {@code stand-in} */
        public String value() {
            return value;
        }

        /** @return the certifier of a {@code fel.certifier} value, or null when it is none of them */
        public static Certifier of(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            for (Certifier c : values()) {
                if (c.value.equals(v)) {
                    return c;
                }
            }
            return null;
        }
    }

    public InvoicingMode {
        if (certifier == null) {
            throw new IllegalArgumentException("an invoicing mode has a certifier");
        }
        if (certifier == Certifier.OFF && publishes) {
            throw new IllegalArgumentException("fel.certifier=off certifies nothing, so it publishes nothing");
        }
    }

    /** @return true when payments are certified (infile or stand-in) */
    public boolean certifies() {
        return certifier != Certifier.OFF;
    }

    /** @return the {@code fel.certifier} value */
    public String certifierValue() {
        return certifier.value();
    }

    /** @return one line for the start-up banner and the status page */
    public String describe() {
        return switch (certifier) {
            case INFILE -> "INFILE: SAT documents certified, PDF link pushed as tax_invoice_url and mailed";
            case STAND_IN ->
                publishes
                        ? "INFILE STAND-IN (not a certifier): its links pushed to the sandbox emulator"
                        : "INFILE STAND-IN with real keys (fel.allow-stand-in-with-real-keys=true): documents kept in"
                                + " the ledger, nothing pushed to Recurrente, receipts without an invoice";
            case OFF -> "off: nothing certified, nothing pushed (Recurrente issues FEL); receipts without an invoice";
        };
    }
}
