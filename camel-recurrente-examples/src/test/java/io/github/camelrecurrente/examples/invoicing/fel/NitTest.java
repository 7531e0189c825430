package io.github.camelrecurrente.examples.invoicing.fel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SAT's NIT check digit and the normalisation SAT wants. */
class NitTest {

    @ParameterizedTest(name = "check digit of {0} is {1}")
    @CsvSource({
        "1252133, 7", // INFILE's own NIT 12521337 (the reference page's example)
        "1234567, 9", // the reference examples' emitter 12345679
        "5, 1", // 5*2 = 10, 11 - 10 = 1
        "4, 3", // 4*2 = 8, 11 - 8 = 3
        "1, 9", // 1*2 = 2, 11 - 2 = 9
        "6, K", // 6*2 = 12, 12 mod 11 = 1, 11 - 1 = 10 -> K
        "11, 6", // 1*2 + 1*3 = 5, 11 - 5 = 6
        "58, 2", // 8*2 + 5*3 = 31, 31 mod 11 = 9, 11 - 9 = 2
    })
    void checkDigitFollowsSatsRule(String body, char expected) {
        assertEquals(expected, expectedByFormula(body));
        assertEquals(expected, Nit.checkDigit(body));
    }

    @Test
    void checkDigitTenIsWrittenK() {
        // find bodies whose check digit is K by brute force and confirm each is valid only with K
        int found = 0;
        for (int body = 1; body < 2000 && found < 20; body++) {
            String b = Integer.toString(body);
            if (expectedByFormula(b) == 'K') {
                found++;
                assertEquals('K', Nit.checkDigit(b));
                assertNull(Nit.problem(b + "K"));
                assertTrue(Nit.problem(b + "0") != null);
            }
        }
        assertTrue(found >= 20);
    }

    @ParameterizedTest(name = "''{0}'' is normalised to {1}")
    @CsvSource({
        "'1234567-9', 12345679",
        "' 1234567 - 9 ', 12345679",
        "'123.456.79', 12345679",
        "'0012345679', 12345679",
        "'6-k', 6K",
        "'1252133-7', 12521337",
    })
    void normalisationRemovesHyphensSpacesAndLeadingZerosAndUppercasesK(String raw, String expected) {
        assertEquals(expected, Nit.normalise(raw));
        assertNull(Nit.problem(Nit.normalise(raw)));
    }

    @Test
    void wrongCheckDigitIsNamedWithTheRightOne() {
        String problem = Nit.problem("12345670");
        assertTrue(problem.contains("check digit of 1234567 is 9, not 0"), problem);
    }

    @ParameterizedTest
    @CsvSource({"''", "'7'", "'ABC'", "'12X45679'", "'12345678901234'", "'CF'"})
    void malformedNitsAreProblems(String nit) {
        assertTrue(Nit.problem(nit) != null, nit);
    }

    /** The rule as the reference page states it, written independently of {@link Nit}. */
    private static char expectedByFormula(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int weightFromRight = body.length() - i + 1;
            sum += Character.digit(body.charAt(i), 10) * weightFromRight;
        }
        int d = (11 - sum % 11) % 11;
        return d == 10 ? 'K' : Character.forDigit(d, 10);
    }
}
