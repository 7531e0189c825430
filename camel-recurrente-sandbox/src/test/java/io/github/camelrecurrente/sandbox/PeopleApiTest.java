package io.github.camelrecurrente.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeopleApiTest {

    @RegisterExtension
    static RecurrenteSandboxExtension ext = RecurrenteSandboxExtension.create();

    private TestHttp http() {
        return new TestHttp(ext.sandbox());
    }

    @Test
    void createsUsers() {
        TestHttp.Resp r =
                http().post("/api/users", "{\"email\":\"me@example.com\",\"full_name\":\"Jorge Luis Borges\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals("me@example.com", r.json().get("email").asText());
        String id = r.json().get("id").asText();
        assertTrue(id.startsWith("us_"));
        assertEquals(
                id,
                http().post("/api/users", "{\"email\":\"me@example.com\"}")
                        .json()
                        .get("id")
                        .asText());
        assertEquals(
                422, http().post("/api/users", "{\"email\":\"not-an-email\"}").status());
        assertEquals("Jorge Luis Borges", ext.sandbox().user(id).get("full_name"));
    }

    @Test
    void customersFindOrCreateByEmail() {
        TestHttp.Resp created = http().post(
                        "/api/customers",
                        "{\"email\":\"ana@example.com\",\"full_name\":\"Ana\",\"nit\":\"1234567\",\"metadata\":{\"a\":1}}");
        assertEquals(201, created.status(), created.body());
        JsonNode c = created.json();
        String id = c.get("id").asText();
        assertTrue(id.startsWith("cus_"), id);
        assertTrue(c.get("user_id").asText().startsWith("us_"));
        assertEquals("Ana", c.get("name").asText());
        assertEquals("1234567", c.get("nit").asText());
        TestHttp.Resp again = http().post("/api/customers", "{\"email\":\"ANA@example.com\"}");
        assertEquals(200, again.status());
        assertEquals(id, again.json().get("id").asText());
        assertEquals(
                422,
                http().post("/api/customers", "{\"full_name\":\"no email\"}").status());

        TestHttp.Resp list = http().get("/api/customers");
        assertEquals(200, list.status());
        assertEquals(1, list.json().get("customers").size());
        assertEquals("1", list.header("Total-Count"));
        assertEquals(
                id,
                http().get("/api/customers?user_id=" + c.get("user_id").asText())
                        .json()
                        .at("/customers/0/id")
                        .asText());
        assertEquals(id, http().get("/api/customers/" + id).json().get("id").asText());
    }

    @Test
    void customerUpdateDeepMergesMetadataAndNullDeletes() {
        String id = http().post(
                        "/api/customers",
                        "{\"email\":\"b@example.com\",\"metadata\":{\"keep\":\"1\",\"drop\":\"2\",\"nested\":{\"x\":1,\"y\":2}}}")
                .json()
                .get("id")
                .asText();
        TestHttp.Resp r = http().put(
                        "/api/customers/" + id,
                        "{\"metadata\":{\"drop\":null,\"new\":\"3\",\"nested\":{\"y\":null,\"z\":3}},\"phone\":\"5555-5555\"}");
        assertEquals(200, r.status(), r.body());
        JsonNode m = r.json().get("metadata");
        assertEquals("1", m.get("keep").asText());
        assertEquals("3", m.get("new").asText());
        assertFalse(m.has("drop"));
        assertEquals(1, m.at("/nested/x").asInt());
        assertFalse(m.get("nested").has("y"));
        assertEquals(3, m.at("/nested/z").asInt());
        assertEquals("5555-5555", r.json().get("phone").asText());
        assertEquals(
                200, http().patch("/api/customers/" + id, "{\"name\":\"B\"}").status());
    }
}
