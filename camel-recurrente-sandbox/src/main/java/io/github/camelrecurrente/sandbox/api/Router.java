package io.github.camelrecurrente.sandbox.api;

import io.github.camelrecurrente.sandbox.testing.SvixSigner;

/** Dispatches an authenticated request under {@code /api} to its endpoint. */
public final class Router {

    private final PaymentSimulator simulator;
    private final WireFormat wire;

    /**
     * @param simulator money movement engine (also used by the API for refunds, cancels, one-time payments)
     * @param wire      what goes on the wire (documented shapes, or the extended compatibility shapes)
     */
    public Router(PaymentSimulator simulator, WireFormat wire) {
        this.simulator = simulator;
        this.wire = wire;
    }

    /**
     * Handles one request while holding the account lock.
     *
     * @throws ApiException for every API error
     */
    public ApiResponse route(ApiRequest req) {
        String resource = req.segment(0);
        if (resource == null || req.segments().size() > 2) {
            throw noRoute(req);
        }
        synchronized (req.data()) {
            return switch (resource) {
                case "test" -> AccountEndpoints.test(req);
                case "checkouts" -> CheckoutEndpoints.handle(req, wire);
                case "payment_intents" -> PaymentEndpoints.paymentIntents(req, wire);
                case "intents" -> PaymentEndpoints.intents(req, wire);
                case "products" -> ProductEndpoints.handle(req, wire);
                case "coupons" -> CouponEndpoints.handle(req, wire);
                case "subscriptions" -> SubscriptionEndpoints.handle(req, simulator, wire);
                case "users" -> PeopleEndpoints.users(req);
                case "customers" -> PeopleEndpoints.customers(req, wire);
                case "transfers" -> AccountEndpoints.transfers(req);
                case "refunds" -> PaymentEndpoints.refunds(req, simulator, wire);
                case "webhook_endpoints" -> AccountEndpoints.webhookEndpoints(req, SvixSigner.newSecret(), wire);
                case "one_time_payments" -> PaymentEndpoints.oneTimePayments(req, simulator);
                case "terminal_session_commands" -> TerminalEndpoints.handle(req, wire);
                default -> throw noRoute(req);
            };
        }
    }

    /** 404 for an unknown route or method. */
    static ApiException noRoute(ApiRequest req) {
        return new ApiException(
                404,
                "No route matches [" + req.method() + "] \"" + req.path() + "\"",
                "route",
                "no existe " + req.method() + " " + req.path());
    }
}
