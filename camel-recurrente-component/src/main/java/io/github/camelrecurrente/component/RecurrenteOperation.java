package io.github.camelrecurrente.component;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelrecurrente.component.client.ApiOperation;
import io.github.camelrecurrente.component.client.ApiOperation.RetrySafety;
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
 * HTTP call it makes and the type it returns. {@link #events} is the webhook consumer. Each API operation holds its
 * {@link ApiOperation} spec, built once, from which the producer, polling, webhook registration and refetch send
 * their calls.
 */
public enum RecurrenteOperation {
    testCredentials(get("/test", ApiMessage.class)),

    createCheckout(post("/checkouts", Checkout.class)),
    getCheckout(get("/checkouts/{id}", Checkout.class)),
    listCheckouts(list("/checkouts", Checkout.class).pollable().filters("from_time", "until_time", "user_id")),
    updateCheckout(update("/checkouts/{id}", Checkout.class)),

    updatePaymentIntent(update("/payment_intents/{id}", PaymentIntent.class).requestRoot("payment_intent")),

    createProduct(post("/products", Product.class).requestRoot("product")),
    getProduct(get("/products/{id}", Product.class)),
    listProducts(list("/products", Product.class).pollable()),
    updateProduct(update("/products/{id}", Product.class).requestRoot("product")),
    deleteProduct(delete("/products/{id}", Product.class)),

    createCoupon(post("/coupons", Coupon.class).requestRoot("coupon")),
    getCoupon(get("/coupons/{id}", Coupon.class)),
    listCoupons(list("/coupons", Coupon.class).pollable()),
    updateCoupon(update("/coupons/{id}", Coupon.class).requestRoot("coupon")),
    deleteCoupon(delete("/coupons/{id}", Coupon.class)),

    getSubscription(get("/subscriptions/{id}", Subscription.class)),
    listSubscriptions(list("/subscriptions", Subscription.class).pollable()),
    updateSubscription(spec(ApiOperation.Method.PUT, "/subscriptions/{id}", Subscription.class)),
    cancelSubscription(delete("/subscriptions/{id}", ApiMessage.class)),

    createUser(post("/users", User.class)),

    createCustomer(post("/customers", Customer.class)),
    getCustomer(get("/customers/{id}", Customer.class)),
    listCustomers(list("/customers", Customer.class).list("customers").pollable()),
    updateCustomer(spec(ApiOperation.Method.PUT, "/customers/{id}", Customer.class)),

    listIntents(list("/intents", Intent.class).pollable().filters("from_time", "until_time")),
    getIntent(get("/intents/{id}", Intent.class)),

    createTransfer(post("/transfers", Transfer.class)),

    createRefund(post("/refunds", Refund.class)),
    getRefund(get("/refunds/{id}", Refund.class)),

    createWebhookEndpoint(post("/webhook_endpoints", WebhookEndpoint.class)),
    listWebhookEndpoints(list("/webhook_endpoints", WebhookEndpoint.class)),
    deleteWebhookEndpoint(delete("/webhook_endpoints/{id}", WebhookEndpoint.class)),

    createOneTimePayment(post("/one_time_payments", OneTimePayment.class)),

    // the API de-duplicates a command by its external_id: with one, a 5xx may be retried
    createTerminalSessionCommand(
            post("/terminal_session_commands", TerminalSessionCommand.class).retrySafety(RetrySafety.WITH_EXTERNAL_ID)),

    /** Consumer only: signed webhook events served by Camel Platform HTTP. */
    events(null);

    /** The HTTP verb of an operation; UPDATE follows the endpoint's updateMethod option (PATCH or PUT). */
    public enum Verb {
        GET,
        POST,
        PUT,
        DELETE,
        UPDATE,
        NONE
    }

    private final ApiOperation spec;

    RecurrenteOperation(ApiOperation.Builder spec) {
        this.spec = spec == null ? null : spec.build(name());
    }

    private static ApiOperation.Builder spec(ApiOperation.Method method, String path, Class<?> type) {
        return ApiOperation.builder(method, path, type);
    }

    private static ApiOperation.Builder get(String path, Class<?> type) {
        return spec(ApiOperation.Method.GET, path, type);
    }

    private static ApiOperation.Builder list(String path, Class<?> type) {
        return get(path, type).list(null);
    }

    private static ApiOperation.Builder post(String path, Class<?> type) {
        return spec(ApiOperation.Method.POST, path, type);
    }

    private static ApiOperation.Builder update(String path, Class<?> type) {
        return spec(ApiOperation.Method.UPDATE, path, type);
    }

    private static ApiOperation.Builder delete(String path, Class<?> type) {
        return spec(ApiOperation.Method.DELETE, path, type);
    }

    /** The operation's spec for the client; null for {@link #events}, which makes no HTTP call. */
    public ApiOperation spec() {
        return spec;
    }

    public Verb verb() {
        return spec == null ? Verb.NONE : Verb.valueOf(spec.method().name());
    }

    /** The path below the base URL, with {@code {id}} where the resource id goes; null for {@link #events}. */
    public String pathTemplate() {
        return spec == null ? null : spec.pathTemplate();
    }

    /** The model type of the result (the element type for list operations). */
    public Class<?> resultType() {
        return spec == null ? RecurrenteEvent.class : spec.resultType();
    }

    public boolean isList() {
        return spec != null && spec.isList();
    }

    /** True when the path needs a resource id. */
    public boolean needsId() {
        return spec != null && spec.needsId();
    }

    /** True when the operation sends a request body (POST, PUT, PATCH). */
    public boolean hasBody() {
        return spec != null && spec.hasBody();
    }

    public boolean isCreate() {
        return spec != null && spec.isCreate();
    }

    /** The key the API expects the request object under ({@code {"product": {...}}}), or null for a flat body. */
    public String requestRoot() {
        return spec == null ? null : spec.requestRoot();
    }

    /** The key a list answer is wrapped in ({@code {"customers": [...]}}), or null for a bare JSON array. */
    public String listEnvelope() {
        return spec == null ? null : spec.listEnvelope();
    }

    /** True for the operations a polling consumer can use. */
    public boolean isPollable() {
        return spec != null && spec.isPollable();
    }

    /** The operations a polling consumer can use, comma-separated, for messages. */
    public static String pollableNames() {
        return Arrays.stream(values())
                .filter(RecurrenteOperation::isPollable)
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    /**
     * The path below the base URL for a resource id (URL-encoded here); the id is ignored by operations without one.
     *
     * @throws IllegalArgumentException when the operation needs an id and none is given
     */
    public String path(String id) {
        return requireSpec().path(id);
    }

    /** The HTTP method actually sent, given the configured update verb. */
    public String httpMethod(String updateMethod) {
        return requireSpec().httpMethod(updateMethod);
    }

    private ApiOperation requireSpec() {
        if (spec == null) {
            throw new IllegalStateException("Operation " + name() + " makes no HTTP call");
        }
        return spec;
    }
}
