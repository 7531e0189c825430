package io.github.camelrecurrente.examples.invoicing;

import io.github.camelrecurrente.examples.ledger.Money;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The receipt's amount as {@link PaymentInvoices#start} formats it: the same text as {@link Money#format}. */
class PaymentInvoicesAmountTest {

    @Test
    void formatsAsMoneyDoes() {
        long[] cents = {
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            999,
            1_000,
            9_999,
            10_000,
            99_999,
            100_000,
            123_456,
            999_999,
            1_000_000,
            12_345_678,
            100_000_000,
            123_456_789_012L,
            Long.MAX_VALUE,
            Long.MIN_VALUE
        };
        for (long c : cents) {
            for (long v : new long[] {c, -c}) {
                for (String currency : new String[] {"GTQ", "gtq", "USD", "usd", null}) {
                    assertEquals(
                            Money.format(v, currency),
                            PaymentInvoices.amountFormatted(v, currency),
                            v + " " + currency);
                }
            }
        }
    }
}
