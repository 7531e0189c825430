package io.github.camelrecurrente.component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.TransferSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@link RequestValidator#validateCheckout(CheckoutRequest)} (typed) gives exactly what
 * {@link RequestValidator#validate(RecurrenteOperation, com.fasterxml.jackson.databind.JsonNode)} gives on the
 * request's JSON tree: the same first error (operation, field, rule) or no error, for every rule and their order.
 */
class TypedCheckoutValidationTest {

    private static final RecurrenteOperation OP = RecurrenteOperation.createCheckout;

    /** A valid inline item. */
    private static CheckoutItem item() {
        return CheckoutItem.inline("Plan básico", 15000, "GTQ", 1);
    }

    private static CheckoutRequest with(CheckoutItem... items) {
        return CheckoutRequest.of(items);
    }

    private static Map<String, Object> metadata(int keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            m.put("k" + i, "v" + i);
        }
        return m;
    }

    private static Map<String, Object> metadata(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Arguments invalid(String name, String field, CheckoutRequest request) {
        return Arguments.of(name, field, request);
    }

    private static Arguments valid(String name, CheckoutRequest request) {
        return Arguments.of(name, null, request);
    }

    static Stream<Arguments> corpus() {
        String k40 = "k".repeat(40);
        String k41 = "k".repeat(41);
        String k70 = "k".repeat(70);
        String v500 = "v".repeat(500);
        String v501 = "v".repeat(501);
        return Stream.of(
                // items
                invalid("no items", "items", new CheckoutRequest().successUrl("https://x.example")),
                invalid("empty items", "items", new CheckoutRequest().items(new ArrayList<>())),
                invalid("mode other than setup still needs items", "items", new CheckoutRequest().mode("payment")),
                invalid("mode SETUP is not setup", "items", new CheckoutRequest().mode("SETUP")),
                valid("setup mode without items", CheckoutRequest.setup()),
                valid("setup mode with empty items", CheckoutRequest.setup().items(new ArrayList<>())),
                invalid(
                        "setup mode still checks its items",
                        "items[0].currency",
                        CheckoutRequest.setup().addItem(item().currency("EUR"))),
                // currency
                invalid("currency EUR", "items[0].currency", with(item().currency("EUR"))),
                invalid("currency is case sensitive", "items[0].currency", with(item().currency("gtq"))),
                invalid("currency with spaces", "items[0].currency", with(item().currency(" GTQ"))),
                invalid("long currency is shortened", "items[0].currency", with(item().currency("X".repeat(80)))),
                valid("currency USD", with(item().currency("USD"))),
                // amount
                // the card-update guide's item: amount_in_cents 0, charge_type one_time
                valid("amount 0 (card update)", with(item().amountInCents(0L).chargeType("one_time"))),
                invalid("amount negative", "items[0].amount_in_cents", with(item().amountInCents(-250L))),
                valid("amount 1", with(item().amountInCents(1L))),
                valid("amount huge", with(item().amountInCents(Long.MAX_VALUE))),
                // quantity
                invalid("quantity 0", "items[0].quantity", with(item().quantity(0))),
                invalid("quantity 10", "items[0].quantity", with(item().quantity(10))),
                invalid("quantity negative", "items[0].quantity", with(item().quantity(-3))),
                valid("quantity 9", with(item().quantity(9))),
                valid("quantity absent", with(item().quantity(null))),
                // inline items need a currency
                invalid("inline item without currency", "items[0].currency", with(item().currency(null))),
                invalid("blank currency counts as absent", "items[0].currency", with(item().currency("  "))),
                invalid(
                        "blank price_id and product_id count as absent",
                        "items[0].currency",
                        with(item().currency("").priceId(" ").productId(""))),
                valid(
                        "price item needs no currency",
                        with(CheckoutItem.ofPrice("price_123").quantity(2))),
                valid(
                        "product item with amount needs no currency",
                        with(CheckoutItem.ofProduct("prod_1").amountInCents(500L))),
                valid("inline item without amount needs no currency", with(new CheckoutItem().name("x"))),
                valid(
                        "blank currency on a price item",
                        with(CheckoutItem.ofPrice("price_1").currency(" "))),
                // order of the checks inside an item
                invalid(
                        "currency before amount",
                        "items[0].currency",
                        with(item().currency("EUR").amountInCents(0L).quantity(12))),
                invalid(
                        "amount before quantity",
                        "items[0].amount_in_cents",
                        with(item().amountInCents(-1L).quantity(12))),
                invalid(
                        "quantity before the inline currency rule",
                        "items[0].quantity",
                        with(item().currency(null).quantity(12))),
                invalid(
                        "inline currency rule before item metadata",
                        "items[0].currency",
                        with(item().currency(null).metadata(metadata(51)))),
                invalid(
                        "first bad item wins",
                        "items[1].quantity",
                        with(item(), item().quantity(0), item().currency("EUR"))),
                // item metadata
                invalid("item metadata too many keys", "items[0].metadata", with(item().metadata(metadata(51)))),
                invalid(
                        "item metadata key too long",
                        "items[0].metadata." + k41,
                        with(item().metadata(metadata(k41, "v")))),
                invalid(
                        "item metadata value too long",
                        "items[0].metadata.note",
                        with(item().metadata(metadata("note", v501)))),
                invalid(
                        "item metadata key checked before its value",
                        "items[0].metadata." + k41,
                        with(item().metadata(metadata(k41, v501)))),
                valid("item metadata at the limits", with(item().metadata(metadata(k40, v500)))),
                // request metadata
                invalid("metadata too many keys", "metadata", with(item()).metadata(metadata(51))),
                valid("metadata 50 keys", with(item()).metadata(metadata(50))),
                invalid(
                        "metadata very long key is shortened in the field",
                        "metadata." + "k".repeat(60) + "...",
                        with(item()).metadata(metadata(k70, "v"))),
                invalid("metadata value too long", "metadata.note", with(item()).metadata(metadata("note", v501))),
                invalid(
                        "metadata entries in order",
                        "metadata.first",
                        with(item()).metadata(metadata("ok", "v", "first", v501, k41, "v"))),
                valid("metadata at the limits", with(item()).metadata(metadata(k40, v500))),
                valid(
                        "metadata scalar values",
                        with(item())
                                .metadata(metadata(
                                        "int",
                                        42,
                                        "long",
                                        9_000_000_000L,
                                        "bool",
                                        true,
                                        "double",
                                        1.5e300,
                                        "float",
                                        0.1f,
                                        "short",
                                        (short) 7,
                                        "null",
                                        null))),
                valid("empty metadata", with(item()).metadata(new LinkedHashMap<>())),
                valid("metadata with unicode at 500 chars", with(item()).metadata(metadata("ñ", "é".repeat(500)))),
                invalid(
                        "items before metadata",
                        "items[0].quantity",
                        with(item().quantity(0)).metadata(metadata(51))),
                invalid(
                        "metadata before transfer setups",
                        "metadata",
                        with(item()).metadata(metadata(51)).addTransferSetup(TransferSetup.of(0, "us_1"))),
                // transfer setups: amount_in_cents and recipient_id are both "(Opcional)" in the docs
                valid(
                        "transfer setup without amount",
                        with(item()).addTransferSetup(new TransferSetup().recipientId("us_1"))),
                invalid(
                        "transfer setup amount 0",
                        "transfer_setups[0].amount_in_cents",
                        with(item()).addTransferSetup(TransferSetup.of(0, "us_1"))),
                invalid(
                        "transfer setup amount negative",
                        "transfer_setups[0].amount_in_cents",
                        with(item()).addTransferSetup(TransferSetup.of(-10, "us_1"))),
                valid(
                        "transfer setup without recipient (your own account)",
                        with(item()).addTransferSetup(TransferSetup.of(100, null))),
                valid("transfer setup blank recipient", with(item()).addTransferSetup(TransferSetup.of(100, "   "))),
                valid("transfer setup without anything", with(item()).addTransferSetup(new TransferSetup())),
                invalid(
                        "second transfer setup",
                        "transfer_setups[1].amount_in_cents",
                        with(item())
                                .addTransferSetup(TransferSetup.of(100, "us_1"))
                                .addTransferSetup(TransferSetup.of(-1, "us_2"))),
                invalid(
                        "transfer setups checked in setup mode too",
                        "transfer_setups[0].amount_in_cents",
                        CheckoutRequest.setup().addTransferSetup(TransferSetup.of(0, "us_1"))),
                valid("empty transfer setups", with(item()).transferSetups(new ArrayList<>())),
                // whole requests
                valid(
                        "the bench's sample request",
                        with(new CheckoutItem()
                                        .name("Suscripción mensual, plan básico")
                                        .currency("GTQ")
                                        .amountInCents(15000L)
                                        .quantity(1))
                                .successUrl("https://tienda.example.com/gracias")
                                .cancelUrl("https://tienda.example.com/carrito")
                                .putMetadata("order_id", "ORD-2026-000123")
                                .putMetadata("channel", "web")),
                valid(
                        "everything set",
                        with(
                                        item().recurring("month", 1)
                                                .description("d")
                                                .imageUrl("https://i")
                                                .freeTrialInterval("week")
                                                .freeTrialIntervalCount(2)
                                                .periodsBeforeAutomaticCancellation(12)
                                                .hasDynamicPricing(false)
                                                .customTermsAndConditions("t")
                                                .billingCycleAnchorDay(5)
                                                .prorationBehavior("none")
                                                .deferToBillingDay(true)
                                                .paymentMethodTypes(List.of("card"))
                                                .availableInstallments(List.of(3, 6))
                                                .metadata(metadata("sku", "A-1")),
                                        CheckoutItem.ofPrice("price_9"))
                                .userId("us_1")
                                .customerId("cus_1")
                                .customAccountId("acct_1")
                                .expiresAt(OffsetDateTime.parse("2026-05-01T10:00:00-06:00"))
                                .paymentMethodTypes(List.of("card", "bank_transfer"))
                                .addTransferSetup(TransferSetup.of(500, "us_2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void typedAndTreeValidationAgree(String name, String expectedField, CheckoutRequest request) {
        RecurrenteValidationException tree = outcome(
                () -> RequestValidator.validate(OP, RecurrenteJson.mapper().valueToTree(request)));
        RecurrenteValidationException typed = outcome(() -> RequestValidator.validateCheckout(request));
        // the corpus means what it says: the tree validator (the reference) finds the expected field, or nothing
        assertEquals(expectedField, tree == null ? null : tree.getField(), "tree outcome of: " + name);
        if (tree == null) {
            assertEquals(null, typed, "typed validation must pass too: " + name);
            return;
        }
        assertNotNull(typed, "typed validation must fail too: " + name);
        assertEquals(tree.getOperation(), typed.getOperation());
        assertEquals(tree.getField(), typed.getField());
        assertEquals(tree.getRule(), typed.getRule());
        assertEquals(tree.getMessage(), typed.getMessage());
    }

    private static RecurrenteValidationException outcome(Runnable validation) {
        try {
            validation.run();
            return null;
        } catch (RecurrenteValidationException e) {
            return e;
        }
    }
}
