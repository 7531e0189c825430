package io.github.camelrecurrente.component;

import io.github.camelrecurrente.component.model.ApiMessage;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Coupon;
import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.OneTimePayment;
import io.github.camelrecurrente.component.model.PaymentIntent;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.model.Refund;
import io.github.camelrecurrente.component.model.Subscription;
import io.github.camelrecurrente.component.model.TerminalSessionCommand;
import io.github.camelrecurrente.component.model.Transfer;
import io.github.camelrecurrente.component.model.User;
import io.github.camelrecurrente.component.model.WebhookEndpoint;
import io.github.camelrecurrente.component.model.event.RecurrenteEvent;

/**
 * Every Recurrente API operation, by the name used in {@code recurrente:<operation>} (a public contract), with the
 * HTTP call it makes and the type it returns. {@link #events} is the webhook consumer.
 */
public enum RecurrenteOperation {

    testCredentials(Verb.GET, "/test", ApiMessage.class),

    createCheckout(Verb.POST, "/checkouts", Checkout.class),
    getCheckout(Verb.GET, "/checkouts/{id}", Checkout.class),
    listCheckouts(Verb.GET, "/checkouts", Checkout.class, Shape.LIST),
    updateCheckout(Verb.UPDATE, "/checkouts/{id}", Checkout.class),

    updatePaymentIntent(Verb.UPDATE, "/payment_intents/{id}", PaymentIntent.class, "payment_intent"),

    createProduct(Verb.POST, "/products", Product.class, "product"),
    getProduct(Verb.GET, "/products/{id}", Product.class),
    listProducts(Verb.GET, "/products", Product.class, Shape.LIST),
    updateProduct(Verb.UPDATE, "/products/{id}", Product.class, "product"),
    deleteProduct(Verb.DELETE, "/products/{id}", Product.class),

    createCoupon(Verb.POST, "/coupons", Coupon.class, "coupon"),
    getCoupon(Verb.GET, "/coupons/{id}", Coupon.class),
    listCoupons(Verb.GET, "/coupons", Coupon.class, Shape.LIST),
    updateCoupon(Verb.UPDATE, "/coupons/{id}", Coupon.class, "coupon"),
    deleteCoupon(Verb.DELETE, "/coupons/{id}", Coupon.class),

    getSubscription(Verb.GET, "/subscriptions/{id}", Subscription.class),
    listSubscriptions(Verb.GET, "/subscriptions", Subscription.class, Shape.LIST),
    updateSubscription(Verb.PUT, "/subscriptions/{id}", Subscription.class),
    cancelSubscription(Verb.DELETE, "/subscriptions/{id}", ApiMessage.class),

    createUser(Verb.POST, "/users", User.class),

    createCustomer(Verb.POST, "/customers", Customer.class),
    getCustomer(Verb.GET, "/customers/{id}", Customer.class),
    listCustomers(Verb.GET, "/customers", Customer.class, Shape.LIST, "customers"),
    updateCustomer(Verb.PUT, "/customers/{id}", Customer.class),

    listIntents(Verb.GET, "/intents", Intent.class, Shape.LIST),
    getIntent(Verb.GET, "/intents/{id}", Intent.class),

    createTransfer(Verb.POST, "/transfers", Transfer.class),

    createRefund(Verb.POST, "/refunds", Refund.class),
    getRefund(Verb.GET, "/refunds/{id}", Refund.class),

    createWebhookEndpoint(Verb.POST, "/webhook_endpoints", WebhookEndpoint.class),
    listWebhookEndpoints(Verb.GET, "/webhook_endpoints", WebhookEndpoint.class, Shape.LIST),
    deleteWebhookEndpoint(Verb.DELETE, "/webhook_endpoints/{id}", WebhookEndpoint.class),

    createOneTimePayment(Verb.POST, "/one_time_payments", OneTimePayment.class),

    createTerminalSessionCommand(Verb.POST, "/terminal_session_commands", TerminalSessionCommand.class),

    /** Consumer only: signed webhook events served by Camel Platform HTTP. */
    events(Verb.NONE, null, RecurrenteEvent.class);

    /** The HTTP verb of an operation; UPDATE follows the endpoint's updateMethod option (PATCH or PUT). */
    public enum Verb {
        GET,
        POST,
        PUT,
        DELETE,
        UPDATE,
        NONE
    }

    enum Shape {
        SINGLE,
        LIST
    }

    private final Verb verb;
    private final String pathTemplate;
    private final Class<?> resultType;
    private final boolean list;
    private final String requestRoot;
    private final String listEnvelope;

    RecurrenteOperation(Verb verb, String pathTemplate, Class<?> resultType) {
        this(verb, pathTemplate, resultType, Shape.SINGLE, null, null);
    }

    RecurrenteOperation(Verb verb, String pathTemplate, Class<?> resultType, String requestRoot) {
        this(verb, pathTemplate, resultType, Shape.SINGLE, requestRoot, null);
    }

    RecurrenteOperation(Verb verb, String pathTemplate, Class<?> resultType, Shape shape) {
        this(verb, pathTemplate, resultType, shape, null, null);
    }

    RecurrenteOperation(Verb verb, String pathTemplate, Class<?> resultType, Shape shape, String listEnvelope) {
        this(verb, pathTemplate, resultType, shape, null, listEnvelope);
    }

    RecurrenteOperation(Verb verb, String pathTemplate, Class<?> resultType, Shape shape, String requestRoot,
                        String listEnvelope) {
        this.verb = verb;
        this.pathTemplate = pathTemplate;
        this.resultType = resultType;
        this.list = shape == Shape.LIST;
        this.requestRoot = requestRoot;
        this.listEnvelope = listEnvelope;
    }

    public Verb verb() {
        return verb;
    }

    /** The path below the base URL, with {@code {id}} where the resource id goes; null for {@link #events}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The model type of the result (the element type for list operations). */
    public Class<?> resultType() {
        return resultType;
    }

    public boolean isList() {
        return list;
    }

    /** True when the path needs a resource id. */
    public boolean needsId() {
        return pathTemplate != null && pathTemplate.contains("{id}");
    }

    /** True when the operation sends a request body (POST, PUT, PATCH). */
    public boolean hasBody() {
        return verb == Verb.POST || verb == Verb.PUT || verb == Verb.UPDATE;
    }

    public boolean isCreate() {
        return verb == Verb.POST;
    }

    /** The key the API expects the request object under ({@code {"product": {...}}}), or null for a flat body. */
    public String requestRoot() {
        return requestRoot;
    }

    /** The key a list answer is wrapped in ({@code {"customers": [...]}}), or null for a bare JSON array. */
    public String listEnvelope() {
        return listEnvelope;
    }

    /** True for the operations a polling consumer can use. */
    public boolean isPollable() {
        return this == listCheckouts || this == listSubscriptions || this == listProducts || this == listCoupons
               || this == listIntents || this == listCustomers;
    }

    /**
     * The path below the base URL for a resource id (URL-encoded here); the id is ignored by operations without one.
     *
     * @throws IllegalArgumentException when the operation needs an id and none is given
     */
    public String path(String id) {
        if (!needsId()) {
            return pathTemplate;
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Operation " + name() + " needs a resource id");
        }
        return pathTemplate.replace("{id}",
                java.net.URLEncoder.encode(id.trim(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** The HTTP method actually sent, given the configured update verb. */
    public String httpMethod(String updateMethod) {
        return switch (verb) {
            case UPDATE -> "PUT".equalsIgnoreCase(updateMethod) ? "PUT" : "PATCH";
            case NONE -> throw new IllegalStateException("Operation " + name() + " makes no HTTP call");
            default -> verb.name();
        };
    }
}
