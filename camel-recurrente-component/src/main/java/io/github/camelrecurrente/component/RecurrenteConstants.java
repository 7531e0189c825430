package io.github.camelrecurrente.component;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code recurrente:} component.
 */
public final class RecurrenteConstants {

    public static final String HEADER_PREFIX = "CamelRecurrente";

    // ---------------------------------------------------------------- producer, in

    @Metadata(
            label = "producer",
            javaType = "String",
            description = "Overrides the endpoint's operation for this exchange (an operation name such as"
                    + " getCheckout).")
    public static final String OPERATION = "CamelRecurrenteOperation";

    @Metadata(
            javaType = "String",
            description = "Producer, in: id of the resource to get, update, delete or cancel (overrides the id"
                    + " option). Out (producer and consumers): id of the resource created or returned.")
    public static final String ID = "CamelRecurrenteId";

    @Metadata(
            label = "producer",
            javaType = "String",
            description = "Idempotency-Key sent with POST creates; default: derived from the exchange id.")
    public static final String IDEMPOTENCY_KEY = "CamelRecurrenteIdempotencyKey";

    @Metadata(
            label = "producer",
            javaType = "String",
            description = "updatePaymentIntent: the electronic invoice (FEL) URL to set as tax_invoice_url when the"
                    + " body does not carry it.")
    public static final String TAX_INVOICE_URL = "CamelRecurrenteTaxInvoiceUrl";

    @Metadata(
            javaType = "String",
            description = "Producer, in: createRefund's payment intent (pa_...) when the body does not name it."
                    + " Webhook consumer, out: the payment intent id, only from a field that names the payment"
                    + " intent: the id of a payment_intent.* event, else checkout.latest_intent.id when its type"
                    + " is PaymentIntent; never payment.id (the payment, another object). Absent when unknown"
                    + " (bank transfers; a unified intent.* event without that latest intent). Copy it to"
                    + " CamelRecurrenteId before updatePaymentIntent.")
    public static final String PAYMENT_INTENT_ID = "CamelRecurrentePaymentIntentId";

    @Metadata(
            label = "producer",
            javaType = "Integer",
            description = "List operations: page number (from 1), overrides the page option.")
    public static final String PAGE = "CamelRecurrentePage";

    @Metadata(
            label = "producer",
            javaType = "Integer",
            description = "List operations: page size (1-100), overrides the items option.")
    public static final String ITEMS = "CamelRecurrenteItems";

    @Metadata(
            label = "producer",
            javaType = "String",
            description = "listCheckouts/listIntents: from_time filter (ISO-8601), overrides the fromTime option.")
    public static final String FROM_TIME = "CamelRecurrenteFromTime";

    @Metadata(
            label = "producer",
            javaType = "String",
            description =
                    "listCheckouts/listIntents: until_time filter (ISO-8601), overrides the untilTime" + " option.")
    public static final String UNTIL_TIME = "CamelRecurrenteUntilTime";

    @Metadata(
            label = "producer",
            javaType = "String",
            description = "listCheckouts: user_id filter; getCustomer: look the customer up by this user id"
                    + " (user_id query). Overrides the userId option.")
    public static final String USER_ID = "CamelRecurrenteUserId";

    @Metadata(
            label = "producer",
            javaType = "Boolean",
            description =
                    "List operations: true returns a lazy iterator over all pages, overrides the allPages" + " option.")
    public static final String ALL_PAGES = "CamelRecurrenteAllPages";

    // ---------------------------------------------------------------- producer, out

    @Metadata(label = "producer", javaType = "Integer", description = "HTTP status code of the API's answer.")
    public static final String HTTP_STATUS = "CamelRecurrenteHttpStatus";

    @Metadata(
            label = "producer",
            javaType = "Integer",
            description = "List operations: the Current-Page response header.")
    public static final String CURRENT_PAGE = "CamelRecurrenteCurrentPage";

    @Metadata(
            label = "producer",
            javaType = "Integer",
            description = "List operations: the Page-Items response header.")
    public static final String PAGE_ITEMS = "CamelRecurrentePageItems";

    @Metadata(
            label = "producer",
            javaType = "Integer",
            description = "List operations: the Total-Pages response header.")
    public static final String TOTAL_PAGES = "CamelRecurrenteTotalPages";

    @Metadata(label = "producer", javaType = "Long", description = "List operations: the Total-Count response header.")
    public static final String TOTAL_COUNT = "CamelRecurrenteTotalCount";

    @Metadata(
            label = "producer",
            javaType = "String",
            description = "List operations: the raw Link response header (RFC 8288, rel first/prev/next/last).")
    public static final String LINK = "CamelRecurrenteLink";

    @Metadata(
            label = "producer",
            javaType = "Integer",
            description = "List operations: the next page number, absent on the last page.")
    public static final String NEXT_PAGE = "CamelRecurrenteNextPage";

    // ---------------------------------------------------------------- consumers

    @Metadata(
            label = "consumer",
            javaType = "String",
            description = "Webhook: the event type, e.g. payment_intent.succeeded.")
    public static final String EVENT_TYPE = "CamelRecurrenteEventType";

    @Metadata(
            label = "consumer",
            javaType = "String",
            description = "Webhook: the delivery id (svix-id), the key for deduplication. Not the payment id.")
    public static final String EVENT_ID = "CamelRecurrenteEventId";

    @Metadata(
            label = "consumer",
            javaType = "String",
            description = "Webhook: the id of the object the event is about (pa_..., su_..., in_...).")
    public static final String RESOURCE_ID = "CamelRecurrenteResourceId";

    @Metadata(label = "consumer", javaType = "String", description = "Webhook: the api_version of the payload.")
    public static final String API_VERSION = "CamelRecurrenteApiVersion";

    @Metadata(
            label = "consumer",
            javaType = "String",
            description = "Webhook: the connected account (ac_...) an event comes from, when connected is true.")
    public static final String ACCOUNT_ID = "CamelRecurrenteAccountId";

    @Metadata(
            label = "consumer",
            javaType = "String",
            description = "Webhook: the svix-timestamp of the delivery (unix seconds).")
    public static final String EVENT_TIMESTAMP = "CamelRecurrenteEventTimestamp";

    @Metadata(
            label = "consumer",
            javaType = "byte[]",
            description = "Webhook: the delivery's body exactly as received and verified. Store it with the delivery"
                    + " id and timestamp to process the event later (a durable inbox that answers 2xx once the"
                    + " delivery is stored): RecurrenteEventMessage.populate turns it back into this message's body"
                    + " and headers.")
    public static final String RAW_BODY = "CamelRecurrenteRawBody";

    @Metadata(
            label = "consumer",
            javaType = "Object",
            description = "Webhook with refetch=true: the canonical object fetched from the API (Checkout, Intent,"
                    + " PaymentIntent or Subscription).")
    public static final String CANONICAL = "CamelRecurrenteCanonical";

    @Metadata(
            label = "consumer",
            javaType = "String",
            description = "Polling consumer: new (the item is emitted for the first time) or statusChange (with"
                    + " emitStatusChanges).")
    public static final String POLL_EVENT = "CamelRecurrentePollEvent";

    @Metadata(
            label = "consumer",
            javaType = "String",
            description = "Polling consumer, on statusChange: the status the item had when it was last seen.")
    public static final String PREVIOUS_STATUS = "CamelRecurrentePreviousStatus";

    private RecurrenteConstants() {}
}
