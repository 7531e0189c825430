package io.github.camelrecurrente.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.examples.app.ExamplesStack;
import io.github.camelrecurrente.examples.ledger.LedgerReport;
import io.github.camelrecurrente.examples.ledger.Money;
import io.github.camelrecurrente.examples.reconciliation.Reconciliation;
import io.github.camelrecurrente.examples.reconciliation.ReconciliationRun;
import io.github.camelrecurrente.sandbox.PaymentOptions;
import io.github.camelrecurrente.sandbox.RecurrenteSandbox;
import io.github.camelrecurrente.sandbox.WebhookDelivery;
import org.apache.camel.ProducerTemplate;

/**
 * The scripted sandbox-mode scenario a newcomer can watch: catalog and checkouts created through the
 * {@code recurrente} component, shoppers simulated by the emulator, every effect read back from the ledger, the
 * emulator and the SMTP server. Prints progress and ends with a {@link Summary}.
 */
public final class DemoScenario {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final ExamplesStack stack;
    private final PrintStream out;
    private final RecurrenteSandbox sandbox;

    /** What happened, for the summary and the tests. */
    public static final class Result {
        public final List<String> paidIntentIds = new ArrayList<>();
        public String cardPaymentId;
        public String declinedPaymentId;
        public String bankTransferId;
        public String subscriptionId;
        public String subscriptionFirstPaymentId;
        public String renewalPaymentId;
        public String failedRenewalPaymentId;
        public String refundId;
        public String duplicatedMessageId;
        /** the card payment whose payment_intent.succeeded webhook was dropped, repaired by the reconciliation */
        public String reconciledPaymentId;

        public String droppedMessageId;
        /** the counts answered by direct:reconcile (see {@link ReconciliationRun#summary}) */
        public Map<String, Object> reconciliation;
    }

    public DemoScenario(ExamplesStack stack, PrintStream out) {
        if (!stack.sandboxMode()) {
            throw new IllegalStateException("The demo scenario runs in sandbox mode only (no Recurrente keys set)");
        }
        this.stack = stack;
        this.out = out;
        this.sandbox = stack.sandbox().sandbox();
    }

    public Result run() {
        Result r = new Result();
        // the reconciliation of step 8 covers the checkouts created since the scenario started
        Instant started = Instant.now();
        ProducerTemplate api = stack.app().producer();
        LedgerReport ledger = new LedgerReport(stack.app().ledger());
        out.println();
        out.println("=== Recurrente examples: sandbox scenario (local emulator " + sandbox.rootUrl()
                + ", no keys, no network) ===");

        step(1, "Catalog: create a product and checkouts through the recurrente component");
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("amount_in_cents", 15000);
        price.put("currency", "GTQ");
        price.put("charge_type", "one_time");
        Map<String, Object> productBody = new LinkedHashMap<>();
        productBody.put("name", "Café de Huehuetenango 1 lb");
        productBody.put("prices_attributes", List.of(price));
        Product product = api.requestBody("recurrente:createProduct", productBody, Product.class);
        info("recurrente:createProduct -> " + product.getId() + " \"Café de Huehuetenango 1 lb\" Q 150.00");
        String cardCheckout = checkout(api, Map.of("items", List.of(Map.of("product_id", product.getId()))));

        step(2, "Card payment: pay " + cardCheckout + " with 4242 4242 4242 4242 (NIT 4521870-6)");
        Map<String, Object> pa = sandbox.payCheckout(
                cardCheckout,
                new PaymentOptions(
                        PaymentOptions.SUCCESS_CARD,
                        "4521870-6",
                        "Comercial La Ceiba, S.A.",
                        "ana.lopez@example.com",
                        "Ana López"));
        r.cardPaymentId = (String) pa.get("id");
        r.paidIntentIds.add(r.cardPaymentId);
        awaitInvoiced(ledger, r.cardPaymentId);
        reportPayment(ledger, r.cardPaymentId);

        step(3, "Declined card: pay a Q 89.00 checkout with a declining card");
        String declinedCheckout = checkout(api, inlineItems("Suscripción de prueba fallida", 8900));
        Map<String, Object> failed = sandbox.payCheckout(
                declinedCheckout,
                new PaymentOptions(PaymentOptions.DECLINED_CARD, null, null, "luis.garcia@example.com", "Luis García"));
        r.declinedPaymentId = (String) failed.get("id");
        await(
                () -> ledger.emailCount("PAYMENT_FAILED", r.declinedPaymentId) == 1,
                "dunning email for " + r.declinedPaymentId);
        info("payment_intent.failed " + r.declinedPaymentId + ": nothing posted ("
                + ledger.paymentCount(r.declinedPaymentId)
                + " payments), dunning email sent to luis.garcia@example.com");

        step(4, "Bank transfer: Q 450.00, pending then succeeded");
        String transferCheckout = checkout(api, inlineItems("Pedido mayorista", 45000));
        Map<String, Object> ba = sandbox.startBankTransfer(
                transferCheckout,
                new PaymentOptions(
                        null, "7654321-8", "Distribuidora El Quetzal", "compras@elquetzal.example", "Marta Pérez"));
        r.bankTransferId = (String) ba.get("id");
        await(
                () -> "PENDING".equals(ledger.receivableStatus(r.bankTransferId)),
                "pending receivable " + r.bankTransferId);
        info("bank_transfer_intent.pending " + r.bankTransferId + ": receivable recorded (entry RCV-" + r.bankTransferId
                + ")");
        sandbox.completeBankTransfer(transferCheckout);
        r.paidIntentIds.add(r.bankTransferId);
        awaitInvoiced(ledger, r.bankTransferId);
        info("bank_transfer_intent.succeeded: receivable " + ledger.receivableStatus(r.bankTransferId));
        reportPayment(ledger, r.bankTransferId);

        step(5, "Subscription: monthly Q 99.00, renewal, failed charge (past_due), cancellation");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", "Club del Café (mensual)");
        item.put("amount_in_cents", 9900);
        item.put("currency", "GTQ");
        item.put("quantity", 1);
        item.put("charge_type", "recurring");
        item.put("billing_interval", "month");
        item.put("billing_interval_count", 1);
        String subscriptionCheckout = checkout(api, Map.of("items", List.of(item)));
        Map<String, Object> first = sandbox.payCheckout(
                subscriptionCheckout,
                new PaymentOptions(
                        PaymentOptions.SUCCESS_CARD, null, null, "carlos.mendez@example.com", "Carlos Méndez"));
        r.subscriptionFirstPaymentId = (String) first.get("id");
        r.paidIntentIds.add(r.subscriptionFirstPaymentId);
        r.subscriptionId = (String) sandbox.checkout(subscriptionCheckout).get("subscription_id");
        await(
                () -> "active".equals(ledger.subscriptionStatus(r.subscriptionId)),
                "subscription " + r.subscriptionId + " active");
        awaitInvoiced(ledger, r.subscriptionFirstPaymentId);
        info("subscription.create " + r.subscriptionId + " -> ERP active; first charge " + r.subscriptionFirstPaymentId
                + " posted and invoiced");
        Map<String, Object> renewal = sandbox.renewSubscription(r.subscriptionId);
        r.renewalPaymentId = (String) renewal.get("id");
        r.paidIntentIds.add(r.renewalPaymentId);
        awaitInvoiced(ledger, r.renewalPaymentId);
        info("renewal " + r.renewalPaymentId + " posted and invoiced");
        r.failedRenewalPaymentId =
                (String) sandbox.failSubscriptionPayment(r.subscriptionId).get("id");
        await(() -> "past_due".equals(ledger.subscriptionStatus(r.subscriptionId)), "subscription past_due");
        await(() -> ledger.emailCount("SUBSCRIPTION_PAST_DUE", r.subscriptionId) == 1, "past-due email");
        info("subscription.past_due -> ERP past_due, dunning email sent");
        sandbox.cancelSubscription(r.subscriptionId);
        await(() -> "cancelled".equals(ledger.subscriptionStatus(r.subscriptionId)), "subscription cancelled");
        await(() -> ledger.emailCount("SUBSCRIPTION_CANCELLED", r.subscriptionId) == 1, "cancellation email");
        info("subscription.cancel -> ERP cancelled, cancellation notice sent");

        step(6, "Refund: Q 50.00 of " + r.cardPaymentId + " through recurrente:createRefund");
        Map<String, Object> refundRequest = new LinkedHashMap<>();
        refundRequest.put("payment_intent_id", r.cardPaymentId);
        refundRequest.put("amount_in_cents", 5000);
        @SuppressWarnings("unchecked")
        Map<String, Object> refund = api.requestBody("direct:refund-payment", refundRequest, Map.class);
        r.refundId = (String) refund.get("refundId");
        await(
                () -> sandbox.events("refund.create").size() > 0 && ledger.journalLineCount("CN-" + r.refundId) > 0,
                "credit note CN-" + r.refundId);
        info("refund " + r.refundId + " booked as credit note CN-" + r.refundId + " ("
                + ledger.journalLineCount("CN-" + r.refundId)
                + " lines); the refund.create webhook books nothing twice");

        step(7, "Duplicate delivery: the emulator re-sends the payment_intent.succeeded of " + r.cardPaymentId);
        WebhookDelivery original = paymentSucceededDelivery(r.cardPaymentId, WebhookDelivery::succeeded);
        if (original == null) {
            throw new IllegalStateException("No delivery of the card payment found");
        }
        r.duplicatedMessageId = original.messageId();
        int before = successfulDeliveries(r.duplicatedMessageId);
        sandbox.resend(r.duplicatedMessageId);
        await(() -> successfulDeliveries(r.duplicatedMessageId) > before, "the re-sent delivery");
        info("delivery " + r.duplicatedMessageId
                + " delivered again (same svix-id): answered 2xx, dropped; payment rows for "
                + r.cardPaymentId + ": " + ledger.paymentCount(r.cardPaymentId) + ", journal lines: "
                + ledger.journalLineCount("PAY-" + r.cardPaymentId));

        step(8, "Reconciliation: the webhook of a card payment is lost; the reconciliation route repairs the ledger");
        String lostCheckout = checkout(api, inlineItems("Molinillo de café manual", 27500));
        sandbox.dropNext(stack.sandbox().webhookEndpointId(), 1, "payment_intent\\.succeeded");
        Map<String, Object> lost = sandbox.payCheckout(
                lostCheckout,
                new PaymentOptions(
                        PaymentOptions.SUCCESS_CARD,
                        "9876543-4",
                        "Cafetería El Portal",
                        "sofia.ramirez@example.com",
                        "Sofía Ramírez"));
        r.reconciledPaymentId = (String) lost.get("id");
        WebhookDelivery drop = paymentSucceededDelivery(r.reconciledPaymentId, WebhookDelivery::dropped);
        if (drop == null) {
            throw new IllegalStateException("The emulator did not drop the webhook of " + r.reconciledPaymentId);
        }
        r.droppedMessageId = drop.messageId();
        info("paid " + lostCheckout + " (Q 275.00, NIT 9876543-4): payment_intent.succeeded " + r.droppedMessageId
                + " DROPPED by the emulator; ledger rows for " + r.reconciledPaymentId + ": "
                + ledger.paymentCount(r.reconciledPaymentId));
        Map<String, Object> period = new LinkedHashMap<>();
        period.put(Reconciliation.FROM, started.toString());
        period.put(Reconciliation.UNTIL, Instant.now().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> recon = api.requestBodyAndHeaders("direct:reconcile", null, period, Map.class);
        r.reconciliation = recon;
        info("direct:reconcile (checkouts created since the scenario started): " + recon.get("paidCheckouts")
                + " paid checkouts, " + recon.get("lines") + " charges: " + recon.get("matched") + " matched, "
                + recon.get("missingPosted")
                + " missing and posted, " + recon.get("needsReview") + " for review, "
                + recon.get("amountDiffers") + " amounts differing");
        info("report: " + recon.get("reportFile"));
        r.paidIntentIds.add(r.reconciledPaymentId);
        awaitInvoiced(ledger, r.reconciledPaymentId);
        reportPayment(ledger, r.reconciledPaymentId);
        int deliveredBefore = successfulDeliveries(r.droppedMessageId);
        sandbox.resend(r.droppedMessageId);
        await(
                () -> successfulDeliveries(r.droppedMessageId) > deliveredBefore,
                "the late delivery of " + r.droppedMessageId);
        info("the lost webhook " + r.droppedMessageId
                + " arrives late after all: answered 2xx, posts nothing twice (payment rows "
                + ledger.paymentCount(r.reconciledPaymentId) + ", journal lines "
                + ledger.journalLineCount("PAY-" + r.reconciledPaymentId)
                + ", still one invoice " + ledger.payment(r.reconciledPaymentId).get("invoice_number") + ")");
        return r;
    }

    /** Reads the summary from the ledger, the emulator and the SMTP server. */
    public static Summary summarize(ExamplesStack stack, Result r) {
        LedgerReport ledger = new LedgerReport(stack.app().ledger());
        Summary s = new Summary();
        s.paymentsPosted = ledger.countIn("payments", "payment_intent_id", r.paidIntentIds, null);
        s.paymentsExpected = r.paidIntentIds.size();
        s.unbalancedEntries = ledger.unbalancedEntries();
        s.entries = ledger.entryCount();
        s.journalByCurrency = ledger.journalTotalsByCurrency();
        s.cardPayments = ledger.countIn("payments", "payment_intent_id", r.paidIntentIds, "payment_kind = 'card'");
        s.invoicesIssued = ledger.countIn("payments", "payment_intent_id", r.paidIntentIds, "invoice_url is not null");
        s.invoicesDone = ledger.countIn("payments", "payment_intent_id", r.paidIntentIds, "invoice_status = 'DONE'");
        RecurrenteSandbox sandbox = stack.sandbox().sandbox();
        for (String id : r.paidIntentIds) {
            Map<String, Object> row = ledger.payment(id);
            Map<String, Object> remote = sandbox.paymentIntent(id);
            if (row != null
                    && remote != null
                    && row.get("invoice_url") != null
                    && row.get("invoice_url").equals(remote.get("tax_invoice_url"))) {
                s.invoicesPushedBack++;
            }
        }
        s.emailsSent = stack.smtp() != null
                ? stack.smtp().receivedMessages().size()
                : ledger.number("select count(*) from email_log");
        s.emailsByKind = new LinkedHashMap<>();
        List<String> references = new ArrayList<>(r.paidIntentIds);
        references.add(r.declinedPaymentId);
        references.add(r.failedRenewalPaymentId);
        references.add(r.subscriptionId);
        for (Map<String, Object> row : ledger.rows("select kind, reference_id from email_log order by kind")) {
            if (references.contains((String) row.get("reference_id"))) {
                s.emailsByKind.merge((String) row.get("kind"), 1L, Long::sum);
            }
        }
        Set<String> delivered = new HashSet<>();
        for (WebhookDelivery d : sandbox.deliveries()) {
            if (d.succeeded()) {
                s.deliveries++;
                delivered.add(d.messageId());
            }
        }
        s.duplicatesDropped = s.deliveries - delivered.size();
        s.cardPaymentRows = ledger.paymentCount(r.cardPaymentId);
        s.openDeadLetters = ledger.openDeadLetters();
        s.subscriptionStatus = ledger.subscriptionStatus(r.subscriptionId);
        s.receivableStatus = ledger.receivableStatus(r.bankTransferId);
        s.refunds = ledger.number("select count(*) from refunds where refund_id = ?", r.refundId);
        if (r.reconciliation != null) {
            s.reconciliationRan = true;
            s.reconciliationMatched = ((Number) r.reconciliation.get("matched")).longValue();
            s.reconciliationMissingPosted = ((Number) r.reconciliation.get("missingPosted")).longValue();
            s.reconciliationDiffering = ((Number) r.reconciliation.get("amountDiffers")).longValue();
            s.reconciliationNotPosted = ((Number) r.reconciliation.get("missingNotPosted")).longValue();
            s.reconciliationNeedsReview = ((Number) r.reconciliation.get("needsReview")).longValue();
            s.reconciliationReport = (String) r.reconciliation.get("reportFile");
            s.reconciledPaymentRows = ledger.paymentCount(r.reconciledPaymentId);
        }
        return s;
    }

    /** The end-of-demo summary. */
    public static final class Summary {
        public long paymentsPosted;
        public long paymentsExpected;
        public long entries;
        public long unbalancedEntries;
        /** debits and credits of the whole journal, per currency (never one total over currencies) */
        public Map<String, long[]> journalByCurrency;
        /** the payments whose invoice URL is pushed back: card payments only (no PATCH on a bank transfer's id) */
        public long cardPayments;

        public long invoicesIssued;
        public long invoicesDone;
        public long invoicesPushedBack;
        public long emailsSent;
        public Map<String, Long> emailsByKind;
        public long deliveries;
        public long duplicatesDropped;
        public long cardPaymentRows;
        public long openDeadLetters;
        public long refunds;
        public String subscriptionStatus;
        public String receivableStatus;
        public boolean reconciliationRan;
        public long reconciliationMatched;
        public long reconciliationMissingPosted;
        public long reconciliationDiffering;
        public long reconciliationNotPosted;
        public long reconciliationNeedsReview;
        public String reconciliationReport;
        /** payment rows of the payment whose webhook was dropped (1: repaired once, not twice by the late webhook) */
        public long reconciledPaymentRows;

        /** @return true when everything the scenario did is in the books */
        public boolean ok() {
            return paymentsPosted == paymentsExpected
                    && unbalancedEntries == 0
                    && journalBalancedPerCurrency()
                    && invoicesPushedBack == cardPayments
                    && invoicesDone == paymentsExpected
                    && cardPaymentRows == 1
                    && duplicatesDropped >= 1
                    && openDeadLetters == 0
                    && refunds == 1
                    && "cancelled".equals(subscriptionStatus)
                    && "SETTLED".equals(receivableStatus)
                    // the lost webhook was repaired by the reconciliation, everything else matched
                    && reconciliationRan
                    && reconciliationMissingPosted == 1
                    && reconciliationDiffering == 0
                    && reconciliationNotPosted == 0
                    && reconciliationNeedsReview == 0
                    && reconciliationMatched >= 1
                    && reconciledPaymentRows == 1;
        }

        /** @return true when every currency's debits equal its credits */
        public boolean journalBalancedPerCurrency() {
            for (long[] totals : journalByCurrency.values()) {
                if (totals[0] != totals[1]) {
                    return false;
                }
            }
            return true;
        }

        public void print(PrintStream out) {
            out.println();
            out.println("=== Summary (read from the ledger database, the emulator and the SMTP server) ===");
            out.printf(
                    "  Payments posted ............ %d of %d (each exactly once)%n", paymentsPosted, paymentsExpected);
            for (Map.Entry<String, long[]> c : journalByCurrency.entrySet()) {
                out.printf(
                        "  Journal (%s) .............. %d entries, debits %s = credits %s, unbalanced entries: %d -> %s%n",
                        c.getKey(),
                        c.getValue()[2],
                        Money.format(c.getValue()[0], c.getKey()),
                        Money.format(c.getValue()[1], c.getKey()),
                        unbalancedEntries,
                        unbalancedEntries == 0 && c.getValue()[0] == c.getValue()[1] ? "BALANCED" : "NOT BALANCED");
            }
            out.printf(
                    "  FEL invoices ............... %d issued, %d pushed back as tax_invoice_url (checked in Recurrente;"
                            + " card payments only)%n",
                    invoicesIssued, invoicesPushedBack);
            out.printf("  Bank transfer receivable ... %s%n", receivableStatus);
            out.printf("  Subscription ............... %s%n", subscriptionStatus);
            out.printf("  Refunds / credit notes ..... %d%n", refunds);
            out.printf("  Emails sent ................ %d %s%n", emailsSent, emailsByKind);
            out.printf(
                    "  Webhook deliveries ......... %d delivered, %d duplicate(s) dropped (same svix-id)%n",
                    deliveries, duplicatesDropped);
            out.printf("  FEL dead letters open ...... %d%n", openDeadLetters);
            out.printf(
                    "  Reconciliation ............. %d matched, %d missing and posted, %d for review, %d differing%s"
                            + " (report %s)%n",
                    reconciliationMatched,
                    reconciliationMissingPosted,
                    reconciliationNeedsReview,
                    reconciliationDiffering,
                    reconciliationNotPosted == 0 ? "" : ", " + reconciliationNotPosted + " NOT POSTED",
                    reconciliationReport);
            out.println("  Result ..................... " + (ok() ? "OK" : "PROBLEMS FOUND (see above)"));
        }
    }

    // ------------------------------------------------------------------ helpers

    private String checkout(ProducerTemplate api, Map<String, Object> body) {
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put("success_url", "https://mitienda.example/gracias");
        b.put("cancel_url", "https://mitienda.example/carrito");
        Checkout c = api.requestBody("recurrente:createCheckout", b, Checkout.class);
        info("recurrente:createCheckout -> " + c.getId() + " " + c.getCheckoutUrlOrUrl());
        return c.getId();
    }

    private static Map<String, Object> inlineItems(String name, long amountInCents) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("amount_in_cents", amountInCents);
        item.put("currency", "GTQ");
        item.put("quantity", 1);
        return Map.of("items", List.of(item));
    }

    /** @return the emulator's first payment_intent.succeeded delivery of a payment in this state, or null */
    private WebhookDelivery paymentSucceededDelivery(String paymentIntentId, Predicate<WebhookDelivery> state) {
        for (WebhookDelivery d : sandbox.deliveries()) {
            if (state.test(d)
                    && "payment_intent.succeeded".equals(d.eventType())
                    && d.body().contains(paymentIntentId)) {
                return d;
            }
        }
        return null;
    }

    private void awaitInvoiced(LedgerReport ledger, String paymentIntentId) {
        await(
                () -> "DONE".equals(ledger.invoiceStatus(paymentIntentId)),
                "payment " + paymentIntentId + " posted, invoiced, pushed back and receipt sent");
    }

    private void reportPayment(LedgerReport ledger, String id) {
        Map<String, Object> p = ledger.payment(id);
        info("ledger: " + p.get("payment_kind") + " payment " + id + " gross "
                + Money.format((Long) p.get("gross_cents"), "GTQ")
                + ", fee " + known((Long) p.get("fee_cents")) + ", IVA withheld "
                + known((Long) p.get("vat_withheld_cents")) + ", net "
                + known((Long) p.get("net_cents"))
                + "; entry PAY-" + id + " " + ledger.journalLineCount("PAY-" + id) + " lines, balanced");
        info("FEL: FACT serie " + p.get("invoice_serie") + " número " + p.get("invoice_numero") + " (autorización "
                + p.get("invoice_uuid") + ") to "
                + ("CF".equals(p.get("invoice_receptor")) ? "CF" : "NIT " + p.get("invoice_receptor")) + ", "
                + Money.format((Long) p.get("gross_cents"), "GTQ")
                + ", certified by " + p.get("invoice_certified_by"));
        info("     PDF " + p.get("invoice_url"));
        info("     SAT " + p.get("invoice_verification_url"));
        info((!"card".equals(p.get("payment_kind"))
                        ? "not pushed back (no document shows PATCH /payment_intents for a " + p.get("payment_kind")
                                + " id); fee unknown until Recurrente reports it; "
                        : "Recurrente tax_invoice_url now: "
                                + sandbox.paymentIntent(id).get("tax_invoice_url") + "; ")
                + (p.get("customer_email") == null
                        ? "no email address on file (the bank transfer event carries none): no receipt"
                        : "receipt emailed to " + p.get("customer_email")));
    }

    /** An amount, or "unknown" when no documented source has given it yet (never shown as 0). */
    private static String known(Long cents) {
        return cents == null ? "unknown" : Money.format(cents, "GTQ");
    }

    private int successfulDeliveries(String messageId) {
        int n = 0;
        for (WebhookDelivery d : sandbox.deliveries()) {
            if (d.succeeded() && d.messageId().equals(messageId)) {
                n++;
            }
        }
        return n;
    }

    private void step(int n, String text) {
        out.println();
        out.println("[" + n + "/8] " + text);
    }

    private void info(String text) {
        out.println("      " + text);
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("Timed out after " + STEP_TIMEOUT.toSeconds() + " s waiting for " + what);
    }
}
