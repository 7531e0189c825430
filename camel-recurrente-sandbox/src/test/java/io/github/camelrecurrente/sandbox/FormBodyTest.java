package io.github.camelrecurrente.sandbox;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.sandbox.http.FormBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormBodyTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.create();

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Test
    void parsesRailsStyleKeys() {
        JsonNode n = FormBody.parse(
                "items[][name]=A&items[][amount_in_cents]=500&items[][name]=B&items[][amount_in_cents]=600"
                        + "&metadata=%7B%22k%22%3A%22v%22%7D&product[prices_attributes][0][id]=price_1&product[prices_attributes[][currency]]=GTQ");
        assertEquals(2, n.get("items").size());
        assertEquals("B", n.at("/items/1/name").asText());
        assertEquals("600", n.at("/items/1/amount_in_cents").asText());
        assertEquals("v", n.at("/metadata/k").asText());
        assertEquals("price_1", n.at("/product/prices_attributes/0/id").asText());
        assertEquals("GTQ", n.at("/product/prices_attributes/0/currency").asText());
    }

    @Test
    void createsCheckoutsAndProductsFromFormData() {
        TestHttp http = new TestHttp(ext.sandbox());
        TestHttp.Resp c = http.send(
                "POST",
                "/api/checkouts/",
                "items[][name]=One+Ripe+Banana&items[][currency]=GTQ"
                        + "&items[][amount_in_cents]=3000&items[][quantity]=2&success_url=https%3A%2F%2Fwww.google.com&metadata=%7B%7D",
                FORM);
        assertEquals(201, c.status(), c.body());
        JsonNode got = http.get("/api/checkouts/" + c.json().get("id").asText()).json();
        assertEquals(6000, got.get("total_in_cents").asLong());
        assertEquals("https://www.google.com", got.get("success_url").asText());

        TestHttp.Resp p = http.send(
                "POST",
                "/api/products/",
                "product[name]=Plan&product[prices_attributes[][currency]]=GTQ"
                        + "&product[prices_attributes[][charge_type]]=recurring&product[prices_attributes[][amount_in_cents]]=1000"
                        + "&product[prices_attributes[][billing_interval]]=month&product[prices_attributes[][billing_interval_count]]=1",
                FORM);
        assertEquals(201, p.status(), p.body());
        assertEquals(1, p.json().get("prices").size());
        assertEquals("recurring", p.json().at("/prices/0/charge_type").asText());
        assertEquals(1000, p.json().at("/prices/0/amount_in_cents").asLong());

        TestHttp.Resp bad = http.send(
                "POST",
                "/api/checkouts",
                "items[][currency]=GTQ&items[][amount_in_cents]=3000&items[][quantity]=12",
                FORM);
        assertEquals(422, bad.status());
        assertTrue(bad.json().at("/errors/quantity/0").isTextual());
    }
}
