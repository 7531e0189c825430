package io.github.camelrecurrente.sandbox.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored checkout session. Kept as plain fields (not JSON) so that hundreds of thousands of
 * seeded checkouts stay cheap; JSON nodes referenced here are treated as immutable and replaced,
 * never edited, on update (seeded checkouts share them). Guarded by the account lock. Internal.
 */
public final class Checkout implements Timestamped {

    private final String id;
    private final long createdMicros;
    private final long seq;

    /** {@code unpaid}, {@code paid} or {@code payment_in_progress}; {@code expired} is derived. */
    public String status = "unpaid";
    /** Last update, epoch microseconds. */
    public long updatedMicros;
    /** Optional fields as sent by the client. */
    public String successUrl;
    /** Optional fields as sent by the client. */
    public String cancelUrl;
    /** Expiry instant or {@code null}. */
    public Instant expiresAt;
    /** Owner user ({@code us_...}) or {@code null}. */
    public String userId;
    /** Customer ({@code cus_...}) or {@code null}. */
    public String customerId;
    /** Connected-account id or {@code null}. */
    public String customAccountId;
    /** {@code setup} (a checkout that only saves a card) or {@code null}. */
    public String mode;
    /** Metadata object (immutable once stored). */
    public ObjectNode metadata;
    /** Transfer setups array (immutable once stored). */
    public ArrayNode transferSetups;
    /** Resolved items (immutable once stored). */
    public ArrayNode items;
    /** Sum of item amount x quantity. */
    public long totalInCents;
    /** GTQ or USD. */
    public String currency = "GTQ";
    /** Whether an item is recurring (a paid checkout then starts a subscription). */
    public boolean recurring;
    /** Product of the first item. */
    public String productId;
    /** Payment intent ({@code pa_...}) that paid / is paying the checkout. */
    public String paymentId;
    /** {@code OneTimePayment} or {@code Subscription}. */
    public String paymentableType;
    /** {@code on_...} or {@code su_...}. */
    public String paymentableId;
    /** Payer NIT and name as given when paying. */
    public String taxId;
    /** Payer NIT name. */
    public String taxName;
    /** Payer phone number. */
    public String phoneNumber;
    /** Payer address object (immutable once stored) or {@code null}. */
    public ObjectNode address;
    /** Payment method ({@code pay_m_...}) once paid. */
    public String paymentMethodId;
    /** Latest intent ({@code pa_...} or {@code ba_...}). */
    public String latestIntentId;
    /** Latest intent type, e.g. {@code PaymentIntent}. */
    public String latestIntentType;
    /** Latest intent creation time (micros). */
    public long latestIntentMicros;
    /** Authorisation code of the latest card intent. */
    public String latestAuthCode;
    /** Subscription started by this checkout. */
    public String subscriptionId;
    /** Unified intent ({@code in_...}) of the latest attempt. */
    public String unifiedIntentId;

    /**
     * @param id            checkout id
     * @param createdMicros creation time
     * @param seq           insertion sequence
     */
    public Checkout(String id, long createdMicros, long seq) {
        this.id = id;
        this.createdMicros = createdMicros;
        this.seq = seq;
        this.updatedMicros = createdMicros;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long createdMicros() {
        return createdMicros;
    }

    @Override
    public long seq() {
        return seq;
    }

    /**
     * @return whether paying only saves the card: {@code mode: "setup"}, or items totalling 0 (the documented card
     *         update checkout)
     */
    public boolean tokenizesOnly() {
        return "setup".equals(mode) || totalInCents == 0;
    }

    /** @return the status as the API shows it ({@code expired} when unpaid and past {@code expires_at}) */
    public String effectiveStatus(Instant now) {
        if ("unpaid".equals(status) && expiresAt != null && !expiresAt.isAfter(now)) {
            return "expired";
        }
        return status;
    }

    @Override
    public String toString() {
        return "Checkout[" + id + ", " + status + "]";
    }
}
