package io.github.camelrecurrente.sandbox.api;

import io.github.camelrecurrente.sandbox.testing.SvixSigner;

/** Dispatches an authenticated request under {@code /api} to its endpoint. */
public final class Router {

    private final PaymentSimulator simulator;

    /** @param simulator money movement engine (also used by the API for refunds, cancels, one-time payments) */
    public Router(PaymentSimulator simulator) {
        this.simulator = simulator;
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
                case "checkouts" -> CheckoutEndpoints.handle(req);
                case "payment_intents" -> PaymentEndpoints.paymentIntents(req);
                case "intents" -> PaymentEndpoints.intents(req);
                case "products" -> ProductEndpoints.handle(req);
                case "coupons" -> CouponEndpoints.handle(req);
                case "subscriptions" -> SubscriptionEndpoints.handle(req, simulator);
                case "users" -> PeopleEndpoints.users(req);
                case "customers" -> PeopleEndpoints.customers(req);
                case "transfers" -> AccountEndpoints.transfers(req);
                case "refunds" -> PaymentEndpoints.refunds(req, simulator);
                case "webhook_endpoints" -> AccountEndpoints.webhookEndpoints(req, SvixSigner.newSecret());
                case "one_time_payments" -> PaymentEndpoints.oneTimePayments(req, simulator);
                case "terminal_session_commands" -> TerminalEndpoints.handle(req);
                default -> throw noRoute(req);
            };
        }
    }

    /** 404 for an unknown route or method. */
    static ApiException noRoute(ApiRequest req) {
        return new ApiException(404, "No route matches [" + req.method() + "] \"" + req.path() + "\"", "route",
                "no existe " + req.method() + " " + req.path());
    }
}
