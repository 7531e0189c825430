package io.github.camelrecurrente.component.model;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurrenteJsonTest {

    private final ObjectMapper mapper = RecurrenteJson.mapper();

    @Test
    void sharedMapperIsAConstantAndNewMapperIsFresh() {
        assertSame(RecurrenteJson.mapper(), RecurrenteJson.mapper());
        ObjectMapper fresh = RecurrenteJson.newMapper();
        assertNotSame(RecurrenteJson.mapper(), fresh);
        assertEquals(
                mapper.getPropertyNamingStrategy().getClass(),
                fresh.getPropertyNamingStrategy().getClass());
    }

    @Test
    void numericStringsCoerceToNumbers() throws Exception {
        Checkout c = mapper.readValue(
                "{\"id\":\"ch_1\",\"total_in_cents\":\"500\",\"subtotal_in_cents\":450}", Checkout.class);
        assertEquals(500L, c.getTotalInCents());
        assertEquals(450L, c.getSubtotalInCents());
        assertEquals(500, mapper.valueToTree(c).get("total_in_cents").asInt());
        assertTrue(mapper.valueToTree(c).get("total_in_cents").isNumber());
    }

    @Test
    void emptyStringsBecomeNullForNonStrings() throws Exception {
        Price p = mapper.readValue(
                "{\"id\":\"price_1\",\"amount_in_cents\":\"\",\"billing_interval\":\"\","
                        + "\"billing_interval_count\":\"\",\"defer_to_billing_day\":\"\"}",
                Price.class);
        assertNull(p.getAmountInCents());
        assertNull(p.getBillingIntervalCount());
        assertNull(p.getDeferToBillingDay());
        assertEquals("", p.getBillingInterval(), "a String stays an empty string");
        Checkout c = mapper.readValue(
                "{\"expires_at\":\"\",\"payment\":\"\",\"metadata\":\"\",\"transfer_setups\":\"\"}", Checkout.class);
        assertNull(c.getExpiresAt());
        assertNull(c.getPayment());
        assertNull(c.getMetadata());
        assertNull(c.getTransferSetups());
    }

    @Test
    void offsetsArePreservedOnRoundTrip() throws Exception {
        Subscription s = mapper.readValue(
                "{\"created_at\":\"2024-03-01T03:52:12.636-06:00\"," + "\"updated_at\":\"2024-03-01T09:52:12.982Z\"}",
                Subscription.class);
        assertEquals(ZoneOffset.ofHours(-6), s.getCreatedAt().getOffset());
        assertEquals(ZoneOffset.UTC, s.getUpdatedAt().getOffset());
        JsonNode out = mapper.valueToTree(s);
        assertEquals("2024-03-01T03:52:12.636-06:00", out.get("created_at").asText());
        assertEquals("2024-03-01T09:52:12.982Z", out.get("updated_at").asText());
    }

    @Test
    void datesAreLenient() throws Exception {
        Subscription s = mapper.readValue(
                "{\"created_at\":\"2024-03-01\",\"updated_at\":\"2024-03-01T10:00:00\","
                        + "\"current_period_start\":1709287932,\"current_period_end\":1709287932000}",
                Subscription.class);
        assertEquals(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), s.getCreatedAt());
        assertEquals(OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC), s.getUpdatedAt());
        assertEquals(
                s.getCurrentPeriodStart().toInstant(), s.getCurrentPeriodEnd().toInstant());
        InvalidFormatException e = assertThrows(
                InvalidFormatException.class,
                () -> mapper.readValue("{\"created_at\":\"yesterday\"}", Subscription.class));
        assertTrue(e.getOriginalMessage().contains("yesterday"));
    }

    @Test
    void nullsAreNotWrittenButNullMetadataValuesAre() throws Exception {
        CustomerRequest r = CustomerRequest.of("a@b.c").putMetadata("keep", "x").putMetadata("drop", null);
        JsonNode out = mapper.readTree(mapper.writeValueAsString(r));
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.get("metadata").has("drop"), "a null metadata value deletes the key: it must be sent");
        assertTrue(out.get("metadata").get("drop").isNull());
        assertFalse(out.has("full_name"));
    }

    @Test
    void unknownPropertiesAreKeptInOrderAndWrittenBack() throws Exception {
        String json = "{\"id\":\"coup_1\",\"z_new\":1,\"a_new\":{\"x\":[1,2]},\"name\":\"N\"}";
        Coupon c = mapper.readValue(json, Coupon.class);
        assertEquals(Map.of("x", java.util.List.of(1, 2)), c.getAdditionalProperty("a_new"));
        assertEquals(
                java.util.List.of("z_new", "a_new"),
                java.util.List.copyOf(c.getAdditionalProperties().keySet()));
        ModelFixtures.assertExactJson(mapper.readTree(json), ModelFixtures.toTree(c));
    }

    @Test
    void additionalPropertiesAreCreatedOnFirstUseAndStayLive() throws Exception {
        Coupon c = mapper.readValue("{\"id\":\"coup_1\",\"name\":\"N\"}", Coupon.class);
        assertFalse(c.hasAdditionalProperties());
        assertNull(c.getAdditionalProperty("x"));
        assertNull(c.removeAdditionalProperty("x"));
        assertEquals("{\"id\":\"coup_1\",\"name\":\"N\"}", mapper.writeValueAsString(c));
        c.getAdditionalProperties().put("x_new", 1); // the returned map is live
        assertTrue(c.hasAdditionalProperties());
        assertEquals("{\"id\":\"coup_1\",\"name\":\"N\",\"x_new\":1}", mapper.writeValueAsString(c));
        assertEquals(1, c.removeAdditionalProperty("x_new"));
        assertFalse(c.hasAdditionalProperties());
    }

    @Test
    void singleValueAcceptedAsArray() throws Exception {
        Product p = mapper.readValue("{\"available_installments\":3}", Product.class);
        assertEquals(java.util.List.of(3), p.getAvailableInstallments());
    }

    @Test
    void trailingGarbageIsRejected() {
        assertThrows(Exception.class, () -> mapper.readTree("{\"a\":1}}"));
    }

    @Test
    void computedGettersDoNotLeakIntoJson() throws Exception {
        PaymentIntent pi = mapper.readValue(
                "{\"id\":\"pa_1\",\"invoice\":{\"id\":\"inv_1\",\"tax_invoice_url\":\"https://x\"}}",
                PaymentIntent.class);
        assertEquals("https://x", pi.getTaxInvoiceUrl());
        JsonNode out = mapper.valueToTree(pi);
        assertFalse(out.has("tax_invoice_url"), "the fallback must not invent a top-level field: " + out);
        assertFalse(out.has("additional_properties"));
    }

    @Test
    void modelsWorkWithAPlainObjectMapperToo() throws Exception {
        ObjectMapper plain = new ObjectMapper().findAndRegisterModules();
        Checkout c = plain.readValue(
                "{\"checkout_url\":\"u\",\"live_mode\":true,\"created_at\":\"2025-05-15T13:45:30Z\",\"new\":1}",
                Checkout.class);
        assertEquals("u", c.getCheckoutUrl());
        assertEquals(Boolean.TRUE, c.getLiveMode());
        assertEquals(1, c.getAdditionalProperty("new"));
        assertEquals("u", plain.valueToTree(c).get("checkout_url").asText());
    }
}
