package io.github.camelrecurrente.examples.ledger;

/**
 * Money helpers on integer cents: no floating point anywhere. Used by the posting rules and, as the bean
 * {@code money}, by the routes to format amounts for the email templates.
 */
public final class Money {

    /** Guatemalan IVA rate in percent; prices in Guatemala include it. */
    public static final long IVA_PERCENT = 12;

    /** Formats cents as {@code Q 1,234.56} (GTQ) or {@code USD 1,234.56}. */
    public static String format(Long cents, String currency) {
        long c = cents == null ? 0 : cents;
        String sign = c < 0 ? "-" : "";
        long abs = Math.abs(c);
        String units = String.format(java.util.Locale.ROOT, "%,d", abs / 100);
        String symbol = currency == null || "GTQ".equalsIgnoreCase(currency)
                ? "Q"
                : currency.toUpperCase(java.util.Locale.ROOT);
        return sign + symbol + " " + units + "." + String.format(java.util.Locale.ROOT, "%02d", abs % 100);
    }

    /** The IVA contained in a tax-inclusive amount: round-half-up of {@code gross * 12 / 112}. */
    public static long ivaIncluded(long grossCents) {
        long numerator = Math.abs(grossCents) * IVA_PERCENT;
        long denominator = 100 + IVA_PERCENT;
        long iva = (numerator * 2 + denominator) / (denominator * 2);
        return grossCents < 0 ? -iva : iva;
    }

    /** Null-safe value of an amount. */
    public static long cents(Long value) {
        return value == null ? 0 : value;
    }

    /** Instantiated only as the {@code money} bean, for {@code method: {ref: money, method: format(...)}} in routes. */
    public Money() {
        // bean
    }
}
