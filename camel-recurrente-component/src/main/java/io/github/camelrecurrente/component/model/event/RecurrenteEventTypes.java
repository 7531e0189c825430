package io.github.camelrecurrente.component.model.event;

import java.util.List;

/**
 * Recurrente webhook event types. Names follow the API exactly (note {@code subscription.paused} in the docs vs
 * {@code subscription.pause} in the Svix catalogue: both are defined, handle both).
 */
public final class RecurrenteEventTypes {

    // card payment intents (legacy family)
    public static final String PAYMENT_INTENT_SUCCEEDED = "payment_intent.succeeded";
    public static final String PAYMENT_INTENT_FAILED = "payment_intent.failed";

    // subscriptions
    public static final String SUBSCRIPTION_CREATE = "subscription.create";
    public static final String SUBSCRIPTION_PAST_DUE = "subscription.past_due";
    /** Documented name of the pause event. */
    public static final String SUBSCRIPTION_PAUSED = "subscription.paused";
    /** Svix catalogue name of the pause event. */
    public static final String SUBSCRIPTION_PAUSE = "subscription.pause";

    public static final String SUBSCRIPTION_UNPAUSE = "subscription.unpause";
    public static final String SUBSCRIPTION_CANCEL = "subscription.cancel";

    // bank transfers
    public static final String BANK_TRANSFER_INTENT_PENDING = "bank_transfer_intent.pending";
    public static final String BANK_TRANSFER_INTENT_SUCCEEDED = "bank_transfer_intent.succeeded";
    public static final String BANK_TRANSFER_INTENT_FAILED = "bank_transfer_intent.failed";

    // card tokenisation
    public static final String SETUP_INTENT_SUCCEEDED = "setup_intent.succeeded";
    public static final String SETUP_INTENT_CANCELLED = "setup_intent.cancelled";

    // Recurrente balance payments
    public static final String BALANCE_INTENT_SUCCEEDED = "balance_intent.succeeded";
    public static final String BALANCE_INTENT_PAID = "balance_intent.paid";

    // unified intents
    public static final String INTENT_SUCCEEDED = "intent.succeeded";
    public static final String INTENT_PENDING = "intent.pending";
    public static final String INTENT_FAILED = "intent.failed";
    public static final String INTENT_CANCELED = "intent.canceled";
    public static final String INTENT_PAID = "intent.paid";

    // refunds
    public static final String REFUND_CREATE = "refund.create";

    /** Prefixes of the event families (what {@link RecurrenteEvents#typeFor(String)} dispatches on). */
    public static final String PREFIX_PAYMENT_INTENT = "payment_intent.";

    public static final String PREFIX_BANK_TRANSFER_INTENT = "bank_transfer_intent.";
    public static final String PREFIX_BALANCE_INTENT = "balance_intent.";
    public static final String PREFIX_SUBSCRIPTION = "subscription.";
    public static final String PREFIX_SETUP_INTENT = "setup_intent.";
    public static final String PREFIX_REFUND = "refund.";
    public static final String PREFIX_INTENT = "intent.";

    /** Every event type above, in declaration order. */
    public static final List<String> ALL = List.of(
            PAYMENT_INTENT_SUCCEEDED,
            PAYMENT_INTENT_FAILED,
            SUBSCRIPTION_CREATE,
            SUBSCRIPTION_PAST_DUE,
            SUBSCRIPTION_PAUSED,
            SUBSCRIPTION_PAUSE,
            SUBSCRIPTION_UNPAUSE,
            SUBSCRIPTION_CANCEL,
            BANK_TRANSFER_INTENT_PENDING,
            BANK_TRANSFER_INTENT_SUCCEEDED,
            BANK_TRANSFER_INTENT_FAILED,
            SETUP_INTENT_SUCCEEDED,
            SETUP_INTENT_CANCELLED,
            BALANCE_INTENT_SUCCEEDED,
            BALANCE_INTENT_PAID,
            INTENT_SUCCEEDED,
            INTENT_PENDING,
            INTENT_FAILED,
            INTENT_CANCELED,
            INTENT_PAID,
            REFUND_CREATE);

    private RecurrenteEventTypes() {}
}
