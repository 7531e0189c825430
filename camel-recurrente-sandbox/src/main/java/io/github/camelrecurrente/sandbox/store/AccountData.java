package io.github.camelrecurrente.sandbox.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelrecurrente.sandbox.SandboxAccount;

/**
 * All data of one sandbox account. Every read-modify-write happens while holding the monitor of
 * this object ({@code synchronized (data)}). Internal.
 */
public final class AccountData {

    private final SandboxAccount account;
    private final AtomicLong sequence = new AtomicLong();

    /** Checkouts. */
    public final ResourceTable<Checkout> checkouts = new ResourceTable<>();
    /** Products. */
    public final ResourceTable<JsonResource> products = new ResourceTable<>();
    /** Coupons. */
    public final ResourceTable<JsonResource> coupons = new ResourceTable<>();
    /** Subscriptions. */
    public final ResourceTable<JsonResource> subscriptions = new ResourceTable<>();
    /** Users ({@code us_}). */
    public final ResourceTable<JsonResource> users = new ResourceTable<>();
    /** Customers ({@code cus_}). */
    public final ResourceTable<JsonResource> customers = new ResourceTable<>();
    /** Payment intents ({@code pa_}) and bank transfer intents ({@code ba_}). */
    public final ResourceTable<JsonResource> paymentIntents = new ResourceTable<>();
    /** Unified intents ({@code in_}). */
    public final ResourceTable<JsonResource> intents = new ResourceTable<>();
    /** Refunds. */
    public final ResourceTable<JsonResource> refunds = new ResourceTable<>();
    /** Transfers. */
    public final ResourceTable<JsonResource> transfers = new ResourceTable<>();
    /** Webhook endpoints. */
    public final ResourceTable<JsonResource> webhookEndpoints = new ResourceTable<>();
    /** Terminal session commands. */
    public final ResourceTable<JsonResource> terminalCommands = new ResourceTable<>();
    /** Payment methods ({@code pay_m_}) by id. */
    public final Map<String, ObjectNode> paymentMethods = new ConcurrentHashMap<>();
    /** Signing secrets by webhook endpoint id. */
    public final Map<String, String> signingSecrets = new ConcurrentHashMap<>();

    /** @param account the owning account */
    public AccountData(SandboxAccount account) {
        this.account = account;
    }

    /** @return the owning account */
    public SandboxAccount account() {
        return account;
    }

    /** @return the next insertion sequence number */
    public long nextSeq() {
        return sequence.incrementAndGet();
    }

    /** Drops all data of the account. */
    public synchronized void clear() {
        checkouts.clear();
        products.clear();
        coupons.clear();
        subscriptions.clear();
        users.clear();
        customers.clear();
        paymentIntents.clear();
        intents.clear();
        refunds.clear();
        transfers.clear();
        webhookEndpoints.clear();
        terminalCommands.clear();
        paymentMethods.clear();
        signingSecrets.clear();
    }

    /** Finds a user by email (linear; users are few). */
    public JsonResource userByEmail(String email) {
        for (JsonResource u : users.newestFirst()) {
            if (email.equalsIgnoreCase(u.node().path("email").asText())) {
                return u;
            }
        }
        return null;
    }

    /** Finds a customer by email (linear; customers are few). */
    public JsonResource customerByEmail(String email) {
        for (JsonResource c : customers.newestFirst()) {
            if (email.equalsIgnoreCase(c.node().path("email").asText())) {
                return c;
            }
        }
        return null;
    }
}
