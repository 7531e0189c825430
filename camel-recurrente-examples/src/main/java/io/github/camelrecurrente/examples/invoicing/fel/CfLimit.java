package io.github.camelrecurrente.examples.invoicing.fel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * SAT's rule FEL_RCP535: a document to {@code CF} whose total in quetzales is Q2,500.00 or more is refused; the
 * buyer's NIT or CUI is required from that amount on.
 * <p>
 * The rule reads "el monto total en Q del documento": a document in another currency is converted at Banguat's rate
 * of the emission day, which this package does not know. Our choice: convert at a fixed rate that is at least
 * Banguat's ({@code fel.cf-limit.gtq-per-usd}, default {@value #DEFAULT_GTQ_PER_USD} GTQ per USD, above every
 * reference rate since 2005), so a USD document that SAT would refuse is never sent; one a little under the limit at
 * the day's rate may be refused here too, and the operator supplies the NIT. Currencies other than GTQ and USD (which
 * Recurrente does not charge) have no rate: a CF document in one is refused.
 *
 * @param gtqPerUsd quetzales per US dollar used for the check (not printed on any document)
 */
public record CfLimit(BigDecimal gtqPerUsd) {

    /** The limit, in quetzales: documents to CF must total less. */
    public static final BigDecimal LIMIT_GTQ = new BigDecimal("2500.00");

    /** Our default conversion rate for the check. */
    public static final String DEFAULT_GTQ_PER_USD = "8.00";

    /** The default limit (rate {@value #DEFAULT_GTQ_PER_USD}). */
    public static final CfLimit DEFAULT = new CfLimit(new BigDecimal(DEFAULT_GTQ_PER_USD));

    public CfLimit {
        if (gtqPerUsd == null || gtqPerUsd.signum() <= 0) {
            throw new FelConfigurationException(
                    FelProperties.CF_LIMIT_GTQ_PER_USD,
                    "a rate is a positive number of quetzales per dollar, e.g. 8.00");
        }
    }

    /**
     * @throws FelRefusal ({@link FelRule#CF_LIMIT}) when the buyer is CF and the total is the limit or more
     */
    public void check(BuyerId buyer, String currency, BigDecimal grandTotal) {
        if (!buyer.isFinalConsumer()) {
            return;
        }
        BigDecimal inQuetzales;
        if ("GTQ".equals(currency)) {
            inQuetzales = grandTotal;
        } else if ("USD".equals(currency)) {
            inQuetzales = grandTotal.multiply(gtqPerUsd).setScale(2, RoundingMode.HALF_UP);
        } else {
            throw new FelRefusal(
                    FelRule.CF_LIMIT,
                    "a document to CF in " + currency + " cannot be checked against the Q2,500.00 limit (no rate)");
        }
        if (inQuetzales.compareTo(LIMIT_GTQ) >= 0) {
            String amount = "GTQ".equals(currency)
                    ? "Q" + grandTotal.toPlainString()
                    : currency + " " + grandTotal.toPlainString() + " (Q" + inQuetzales.toPlainString() + " at "
                            + gtqPerUsd.toPlainString() + ")";
            throw new FelRefusal(
                    FelRule.CF_LIMIT,
                    "a document to CF (consumidor final) must total less than Q2,500.00; this one totals " + amount);
        }
    }
}
