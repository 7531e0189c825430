package io.github.camelrecurrente.examples.review;

/**
 * One finding the books do not decide alone (a row of {@code review_cases} once opened).
 *
 * @param key             what makes the finding the same one when it is found again (one case per key, ever)
 * @param kind            {@link ReviewQueue#IDENTITY_UNCERTAIN}, {@link ReviewQueue#SUCCESS_UNDOCUMENTED},
 *                        {@link ReviewQueue#AMOUNT_UNDOCUMENTED} or {@link ReviewQueue#CURRENCY_MISSING}
 * @param source          who found it ({@code reconciliation}, ...)
 * @param checkoutId      the checkout, when known
 * @param intentId        the unified intent ({@code in_...}) that says a charge succeeded, when there is one
 * @param paymentIntentId the payment id a documented field suggests, null when none does
 * @param currency        the documented currency, null when none is documented
 * @param amountCents     the documented charged amount, null when none is documented
 * @param detail          why nothing was booked, for the operator
 * @param payload         the payment event to post once confirmed (JSON of documented fields), may be null
 */
public record ReviewCase(
        String key,
        String kind,
        String source,
        String checkoutId,
        String intentId,
        String paymentIntentId,
        String currency,
        Long amountCents,
        String detail,
        String payload) {

    @Override
    public String toString() {
        return "review case " + key + " (" + kind + "): " + detail;
    }
}
