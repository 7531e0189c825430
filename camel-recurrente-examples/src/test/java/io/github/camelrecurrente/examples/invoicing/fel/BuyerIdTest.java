package io.github.camelrecurrente.examples.invoicing.fel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buyer's identity from a payment's {@code tax_id} / {@code tax_name}. */
class BuyerIdTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "CF", "cf", "C/F", "c.f.", "C.F", "Consumidor Final", "CONSUMIDOR  FINAL"})
    void noTaxIdIsCf(String taxId) {
        assertEquals(BuyerId.CF, BuyerId.parse(taxId));
    }

    @ParameterizedTest
    @CsvSource({"'1234567-9', 12345679", "'1252133-7', 12521337", "' 6 - k ', 6K", "'0012345679', 12345679"})
    void nitIsNormalisedAndChecked(String taxId, String expected) {
        BuyerId id = BuyerId.parse(taxId);
        assertEquals(BuyerId.Type.NIT, id.type());
        assertEquals(expected, id.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2345678901234", "2345 67890 1234", "2345-67890-1234"})
    void thirteenDigitsAreACui(String taxId) {
        BuyerId id = BuyerId.parse(taxId);
        assertEquals(BuyerId.Type.CUI, id.type());
        assertEquals("2345678901234", id.value());
    }

    @Test
    void wrongCheckDigitIsRefusedWithTheRuleAndTheOperatorsAction() {
        FelRefusal r = assertThrows(FelRefusal.class, () -> BuyerId.parse("1234567-0"));
        assertEquals(FelRule.RECEPTOR_NIT, r.rule());
        assertEquals("FEL_RCP309", r.code());
        assertTrue(r.reason().contains("'1234567-0'"), r.reason());
        assertTrue(r.reason().contains("check digit of 1234567 is 9"), r.reason());
        assertTrue(r.operatorAction().contains("NIT"), r.operatorAction());
        assertTrue(r.getMessage().startsWith("FEL_RCP309: "), r.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC-123", "12-34-5X", "0", "K"})
    void otherTextIsRefused(String taxId) {
        assertThrows(FelRefusal.class, () -> BuyerId.parse(taxId));
    }

    @Test
    void buyerFromPaymentNamesCfConsumidorFinal() {
        Buyer b = Buyer.fromPayment("", "Juan Perez", "juan@example.com");
        assertEquals(BuyerId.CF, b.id());
        assertEquals("Consumidor Final", b.name());
        assertEquals("juan@example.com", b.email());
    }

    @Test
    void buyerFromPaymentKeepsTheTaxNameOfANitAndNamesAnUnnamedOneByItsId() {
        assertEquals(
                "Comercial S.A.",
                Buyer.fromPayment("1234567-9", " Comercial \n S.A. ", null).name());
        assertEquals("12345679", Buyer.fromPayment("1234567-9", null, null).name());
    }

    @Test
    void anEmailTheSchemaRefusesIsLeftOut() {
        assertNull(Buyer.fromPayment(null, null, "not an email").email());
        assertNull(Buyer.fromPayment(null, null, "a@b").email());
    }
}
