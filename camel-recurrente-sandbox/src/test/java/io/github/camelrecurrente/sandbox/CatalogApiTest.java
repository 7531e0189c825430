package io.github.camelrecurrente.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogApiTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext =
            RecurrenteSandboxExtension.of(RecurrenteSandbox.builder().account("Surf Office", "pk_test_s", "sk_test_s"));

    private TestHttp http() {
        return new TestHttp(ext.sandbox());
    }

    @Test
    void productLifecycle() {
        TestHttp.Resp created = http().post("/api/products", """
                {"product":{"name":"El nombre de tu producto","description":"Descripción","success_url":"https://www.google.com/",
                 "cancel_url":"https://www.amazon.com/","custom_terms_and_conditions":"Términos","phone_requirement":"none",
                 "address_requirement":"optional","billing_info_requirement":"required","metadata":{"sku":"1"},
                 "prices_attributes":[{"currency":"GTQ","charge_type":"recurring","amount_in_cents":"1000",
                   "billing_interval_count":1,"billing_interval":"month","free_trial_interval_count":1,"free_trial_interval":"month"}]}}""");
        assertEquals(201, created.status(), created.body());
        JsonNode p = created.json();
        String id = p.get("id").asText();
        assertTrue(id.startsWith("prod_"), id);
        assertEquals("active", p.get("status").asText());
        assertEquals("Descripción", p.get("description").asText());
        assertEquals("optional", p.get("address_requirement").asText());
        assertEquals("required", p.get("billing_info_requirement").asText());
        JsonNode price = p.at("/prices/0");
        assertTrue(price.get("id").asText().startsWith("price_"));
        assertEquals(1000, price.get("amount_in_cents").asLong());
        assertEquals("recurring", price.get("charge_type").asText());
        assertEquals("month", price.get("billing_interval").asText());
        assertEquals(1, price.get("free_trial_interval_count").asInt());
        assertTrue(price.get("periods_before_automatic_cancellation").isNull());
        assertTrue(p.get("storefront_link")
                .asText()
                .startsWith("https://app.recurrente.com/s/surf-office/el-nombre-de-tu-producto"));
        assertEquals("1", p.at("/metadata/sku").asText());

        assertEquals(id, http().get("/api/products/" + id).json().get("id").asText());

        String priceId = price.get("id").asText();
        TestHttp.Resp patched = http().patch(
                        "/api/products/" + id,
                        "{\"product\":{\"name\":\"El nuevo nombre\"," + "\"prices_attributes\":[{\"id\":\"" + priceId
                                + "\",\"amount_in_cents\":1500}]}}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("El nuevo nombre", patched.json().get("name").asText());
        assertEquals(1500, patched.json().at("/prices/0/amount_in_cents").asLong());
        assertEquals(priceId, patched.json().at("/prices/0/id").asText());

        TestHttp.Resp put = http().put(
                        "/api/products/" + id,
                        "{\"product\":{\"prices_attributes\":["
                                + "{\"amount_in_cents\":900,\"currency\":\"USD\"},{\"id\":\"" + priceId
                                + "\",\"_destroy\":true}]}}");
        assertEquals(200, put.status(), put.body());
        assertEquals(1, put.json().get("prices").size());
        assertEquals("USD", put.json().at("/prices/0/currency").asText());
        assertEquals("one_time", put.json().at("/prices/0/charge_type").asText());
        assertEquals("", put.json().at("/prices/0/billing_interval").asText());

        TestHttp.Resp del = http().delete("/api/products/" + id);
        assertEquals(200, del.status());
        assertEquals(id, del.json().get("id").asText());
        assertEquals("deleted", del.json().get("status").asText());
        // archived: kept for the payments that name it, but no longer shown (no document shows an archived product)
        assertEquals(404, http().get("/api/products/" + id).status());
        assertFalse(http().get("/api/products").body().contains(id), "an archived product is not listed");
        assertEquals("archived", ext.sandbox().product(id).get("status"));
        assertEquals(
                422,
                http().post("/api/checkouts", "{\"items\":[{\"product_id\":\"" + id + "\"}]}")
                        .status());
    }

    @Test
    void productValidation() {
        assertEquals(
                422, http().post("/api/products", "{\"name\":\"unwrapped\"}").status());
        TestHttp.Resp noName = http().post(
                        "/api/products",
                        "{\"product\":{\"prices_attributes\":[{\"amount_in_cents\":100,\"currency\":\"GTQ\"}]}}");
        assertEquals(422, noName.status());
        assertTrue(noName.json().at("/errors/name/0").isTextual());
        assertEquals(
                422,
                http().post(
                                "/api/products",
                                "{\"product\":{\"name\":\"x\",\"prices_attributes\":[{\"amount_in_cents\":100,\"currency\":\"MXN\"}]}}")
                        .status());
        assertEquals(
                422,
                http().post("/api/products", "{\"product\":{\"name\":\"x\"}}").status());
    }

    @Test
    void couponLifecycle() {
        TestHttp.Resp created = http().post(
                        "/api/coupons",
                        "{\"coupon\":{\"name\":\"VERANO25\",\"amount_off_in_cents\":1500,\"currency\":\"GTQ\",\"duration\":\"once\"}}");
        assertEquals(201, created.status(), created.body());
        JsonNode c = created.json();
        String id = c.get("id").asText();
        assertTrue(id.startsWith("coup_"));
        assertEquals("VERANO25", c.get("name").asText());
        assertEquals(1500, c.get("amount_off_in_cents").asLong());
        assertTrue(c.get("percent_off").isNull());
        assertTrue(c.get("max_redemptions").isNull());
        assertEquals("once", c.get("duration").asText());
        assertTrue(c.get("expires_at").isNull());
        assertEquals("active", c.get("status").asText());

        assertEquals(200, http().get("/api/coupons/" + id).status());
        TestHttp.Resp upd =
                http().patch("/api/coupons/" + id, "{\"coupon\":{\"name\":\"NEWCOUPON\",\"duration\":\"forever\"}}");
        assertEquals(200, upd.status(), upd.body());
        assertEquals("NEWCOUPON", upd.json().get("name").asText());
        assertEquals("forever", upd.json().get("duration").asText());
        TestHttp.Resp put =
                http().put("/api/coupons/" + id, "{\"coupon\":{\"amount_off_in_cents\":null,\"percent_off\":10}}");
        assertEquals(200, put.status(), put.body());
        assertEquals(10, put.json().get("percent_off").asInt());

        TestHttp.Resp del = http().delete("/api/coupons/" + id);
        assertEquals("deleted", del.json().get("status").asText());
        // "eliminar cupones": a deleted coupon is gone, not listed as archived (no document shows it afterwards)
        assertEquals(0, http().get("/api/coupons").json().size());
        assertEquals(404, http().get("/api/coupons/" + id).status());
        assertEquals(404, http().delete("/api/coupons/" + id).status());
    }

    @Test
    void couponValidation() {
        assertEquals(
                422,
                http().post("/api/coupons", "{\"coupon\":{\"name\":\"X\"}}").status());
        assertEquals(
                422,
                http().post("/api/coupons", "{\"coupon\":{\"name\":\"X\",\"amount_off_in_cents\":100}}")
                        .status());
        assertEquals(
                422,
                http().post("/api/coupons", "{\"coupon\":{\"name\":\"X\",\"percent_off\":150}}")
                        .status());
        assertEquals(
                422,
                http().post("/api/coupons", "{\"coupon\":{\"name\":\"X\",\"percent_off\":10,\"duration\":\"weekly\"}}")
                        .status());
    }
}
