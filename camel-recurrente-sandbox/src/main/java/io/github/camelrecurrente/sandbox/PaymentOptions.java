package io.github.camelrecurrente.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a simulated shopper pays: card number, payer identity and the NIT data for the invoice.
 * Defaults: card {@value #SUCCESS_CARD}, tax id {@code CF}, tax name {@code CF},
 * email {@code comprador@example.com}, name {@code Comprador Prueba}.
 *
 * @param cardNumber card number; {@value #SUCCESS_CARD} succeeds, {@value #DECLINED_CARD} is declined
 * @param taxId      payer NIT (default {@code CF})
 * @param taxName    payer tax name (default {@code CF})
 * @param email      payer email
 * @param fullName   payer full name
 * @param phoneNumber payer phone ({@code payment.paymentable.phone_number}), or {@code null}
 * @param address    payer address ({@code address_line_1}, {@code address_line_2}, {@code city}, {@code country},
 *                   {@code zip_code}), or {@code null}
 */
public record PaymentOptions(
        String cardNumber,
        String taxId,
        String taxName,
        String email,
        String fullName,
        String phoneNumber,
        Map<String, String> address) {

    /** The test card that always succeeds. */
    public static final String SUCCESS_CARD = "4242424242424242";
    /** The test card that is always declined. */
    public static final String DECLINED_CARD = "4000000000000002";

    /** Normalises nulls to defaults and strips spaces from the card number. */
    public PaymentOptions {
        cardNumber = cardNumber == null ? SUCCESS_CARD : cardNumber.replaceAll("[\\s-]", "");
        taxId = taxId == null ? "CF" : taxId;
        taxName = taxName == null ? "CF" : taxName;
        email = email == null ? "comprador@example.com" : email;
        fullName = fullName == null ? "Comprador Prueba" : fullName;
        address = address == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(address));
    }

    /** Options without phone and address. */
    public PaymentOptions(String cardNumber, String taxId, String taxName, String email, String fullName) {
        this(cardNumber, taxId, taxName, email, fullName, null, null);
    }

    /** @return defaults: a successful card payment by a CF payer */
    public static PaymentOptions defaults() {
        return new PaymentOptions(null, null, null, null, null);
    }

    /** @return defaults with the given card */
    public static PaymentOptions card(String cardNumber) {
        return new PaymentOptions(cardNumber, null, null, null, null);
    }

    /** @return a copy with the payer's NIT and tax name */
    public PaymentOptions withTax(String id, String name) {
        return new PaymentOptions(cardNumber, id, name, email, fullName, phoneNumber, address);
    }

    /** @return a copy with the payer's email and name */
    public PaymentOptions withPayer(String payerEmail, String payerName) {
        return new PaymentOptions(cardNumber, taxId, taxName, payerEmail, payerName, phoneNumber, address);
    }

    /** @return a copy with the payer's phone number */
    public PaymentOptions withPhone(String phone) {
        return new PaymentOptions(cardNumber, taxId, taxName, email, fullName, phone, address);
    }

    /** @return a copy with the payer's address (as in the documented webhook payloads) */
    public PaymentOptions withAddress(String line1, String line2, String city, String country, String zipCode) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("address_line_1", line1);
        a.put("address_line_2", line2);
        a.put("city", city);
        a.put("country", country);
        a.put("zip_code", zipCode);
        return new PaymentOptions(cardNumber, taxId, taxName, email, fullName, phoneNumber, a);
    }

    /** @return whether the card is declined (any card other than the success card ending in 0002 / 9995 / 0069) */
    public boolean declined() {
        return cardNumber.endsWith("0002") || cardNumber.endsWith("9995") || cardNumber.endsWith("0069");
    }

    /** @return last four digits of the card */
    public String last4() {
        return cardNumber.length() >= 4 ? cardNumber.substring(cardNumber.length() - 4) : cardNumber;
    }
}
