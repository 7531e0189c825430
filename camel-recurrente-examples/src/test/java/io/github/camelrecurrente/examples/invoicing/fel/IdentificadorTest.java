package io.github.camelrecurrente.examples.invoicing.fel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The certifier's identificador: stable per document, distinct per kind and revision, at most 50 characters. */
class IdentificadorTest {

    @Test
    void derivedFromKindAndSourceIdOnly() {
        assertEquals("FACT-pa_abc123", Identificador.of(DocumentKind.FACT, "pa_abc123", 0));
        assertEquals(
                Identificador.of(DocumentKind.FACT, "pa_abc123", 0),
                Identificador.of(DocumentKind.FACT, "pa_abc123", 0));
        assertEquals("NCRE-re_1", Identificador.of(DocumentKind.NCRE, "re_1", 0));
        assertEquals("ANUL-pa_abc123", Identificador.of(DocumentKind.ANULACION, "pa_abc123", 0));
        assertEquals("FACT-pa_abc123-R2", Identificador.of(DocumentKind.FACT, "pa_abc123", 2));
    }

    @Test
    void theAnulacionOfAnInvoiceHasItsOwnKey() {
        assertNotEquals(
                Identificador.of(DocumentKind.FACT, "pa_1", 0), Identificador.of(DocumentKind.ANULACION, "pa_1", 0));
    }

    @Test
    void longOrUnusualIdsAreHashedDeterministically() {
        String longId = "pa_" + "x".repeat(60);
        String a = Identificador.of(DocumentKind.FACT, longId, 0);
        assertEquals(a, Identificador.of(DocumentKind.FACT, longId, 0));
        assertTrue(a.startsWith("FACT-") && a.length() == 45, a);
        assertTrue(a.substring(5).matches("[0-9a-f]{40}"), a);
        assertNotEquals(a, Identificador.of(DocumentKind.FACT, longId, 1));
        String odd = Identificador.of(DocumentKind.FACT, "pa 1/ñ", 0);
        assertTrue(odd.matches("FACT-[0-9a-f]{40}"), odd);
        assertTrue(
                Identificador.of(DocumentKind.NCRE, "re_" + "9".repeat(44), 0).length() <= Identificador.MAX_LENGTH);
    }

    @Test
    void aSourceIdIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> Identificador.of(DocumentKind.FACT, " ", 0));
        assertThrows(IllegalArgumentException.class, () -> Identificador.of(DocumentKind.FACT, "pa_1", -1));
    }
}
