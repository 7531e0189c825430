package io.github.camelrecurrente.component;

import java.util.List;
import java.util.Map;

import io.github.camelrecurrente.component.model.ApiMessage;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.TransferSetup;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several accounts in one CamelContext: endpoint options and a second component instance, side by side, with no
 * key leaking from one to the other (the camel-stripe CAMEL-26318 lesson). Plus connected-account fields.
 */
class MultiAccountTest extends SandboxTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        RecurrenteComponent dos = new RecurrenteComponent();
        dos.getConfiguration().setBaseUrl(sandbox.baseUrl());
        dos.getConfiguration().setSecretKey(SK2);
        ctx.addComponent("recurrente-dos", dos);
        return ctx;
    }

    @Test
    void twoComponentInstancesTalkAsTwoAccounts() {
        for (int i = 0; i < 3; i++) {
            ApiMessage uno = callOk("recurrente:testCredentials", null, Map.of(), ApiMessage.class);
            ApiMessage dos = callOk("recurrente-dos:testCredentials", null, Map.of(), ApiMessage.class);
            assertTrue(uno.getMessage().contains("Tienda Uno"), uno.getMessage());
            assertTrue(dos.getMessage().contains("Tienda Dos"), dos.getMessage());
        }
    }

    @Test
    void endpointOptionsOverrideTheComponentKeys() {
        String uri = "recurrente:testCredentials?secretKey=" + SK2 + "&publicKey=" + PK2;
        ApiMessage dos = callOk(uri, null, Map.of(), ApiMessage.class);
        assertTrue(dos.getMessage().contains("Tienda Dos"), dos.getMessage());
        assertEquals(SK2, lastApiRequest().header("X-SECRET-KEY"));
        ApiMessage uno = callOk("recurrente:testCredentials", null, Map.of(), ApiMessage.class);
        assertTrue(uno.getMessage().contains("Tienda Uno"), "the component default was not changed");
        assertEquals(SK, lastApiRequest().header("X-SECRET-KEY"));
    }

    @Test
    void dataIsPerAccount() {
        Checkout c1 = callOk(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("a", 1000, "GTQ", 1)),
                Map.of(),
                Checkout.class);
        Checkout c2 = callOk(
                "recurrente-dos:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("b", 2000, "GTQ", 1)),
                Map.of(),
                Checkout.class);
        assertNotEquals(c1.getId(), c2.getId());
        List<?> dosList = callOk("recurrente-dos:listCheckouts", null, Map.of(), List.class);
        assertEquals(1, dosList.size());
        assertEquals(c2.getId(), ((Checkout) dosList.get(0)).getId());
        Exchange cross = call("recurrente-dos:getCheckout", null, Map.of(RecurrenteConstants.ID, c1.getId()));
        assertEquals(404, ((RecurrenteApiException) cross.getException()).getStatusCode());
    }

    @Test
    void connectedAccountCheckout() {
        Checkout c = callOk(
                "recurrente:createCheckout",
                CheckoutRequest.of(CheckoutItem.inline("Servicio", 10000, "GTQ", 1))
                        .customAccountId("ac_hija123")
                        .transferSetups(
                                List.of(new TransferSetup().amountInCents(2000L).recipientId("ac_socio9"))),
                Map.of(),
                Checkout.class);
        var sent = json(assertLastRequest("POST", "/checkouts"));
        assertEquals("ac_hija123", sent.get("custom_account_id").asText());
        assertEquals(2000, sent.at("/transfer_setups/0/amount_in_cents").asLong());
        assertEquals("ac_socio9", sent.at("/transfer_setups/0/recipient_id").asText());
        Checkout got = callOk("recurrente:getCheckout?id=" + c.getId(), null, Map.of(), Checkout.class);
        // the documented checkout object has no custom_account_id: check what Recurrente (the sandbox) stored
        assertEquals("ac_hija123", sandbox.checkout(c.getId()).get("custom_account_id"));
        assertEquals(1, got.getTransferSetups().size());
    }
}
