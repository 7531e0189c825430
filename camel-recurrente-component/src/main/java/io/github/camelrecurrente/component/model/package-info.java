/**
 * Public: typed models of the Recurrente API (Camel-free: Jackson only; a test checks it).
 * <ul>
 * <li>{@link io.github.camelrecurrente.component.model.RecurrenteJson}: the Jackson configuration (use
 * {@code RecurrenteJson.mapper()} for every Recurrente payload).</li>
 * <li>{@link io.github.camelrecurrente.component.model.RecurrenteObject}: base class; unknown properties are kept and
 * written back.</li>
 * <li>{@link io.github.camelrecurrente.component.model.RecurrenteResource}: the contract of a resource (id, created and
 * updated time, status where present); {@link io.github.camelrecurrente.component.model.ResourceRef}: the object a
 * webhook event is about.</li>
 * <li>Responses: {@code Checkout}, {@code PaymentIntent}, {@code Product}, {@code Price}, {@code Coupon},
 * {@code Subscription}, {@code User}, {@code Customer}, {@code CustomerList}, {@code Transfer}, {@code Refund},
 * {@code WebhookEndpoint} (camelCase JSON), {@code OneTimePayment}, {@code Intent}, {@code TerminalSessionCommand},
 * {@code ApiMessage}, and the nested {@code Payment}, {@code Paymentable}, {@code PaymentMethod}, {@code Card},
 * {@code Address}, {@code Invoice}, {@code Discount}, {@code LatestIntent}, {@code TransferSetup}, {@code Subscriber},
 * {@code TransferParty}, {@code IntentDetails}.</li>
 * <li>Requests (fluent setters, nulls never sent): {@code CheckoutRequest}, {@code CheckoutItem},
 * {@code CheckoutUpdateRequest}, {@code ProductRequest} and {@code PriceRequest} (sent wrapped as
 * {@code {"product": ...}} by the producer), {@code CouponRequest} ({@code {"coupon": ...}}), {@code UserRequest},
 * {@code CustomerRequest}, {@code TransferRequest}, {@code RefundRequest}, {@code WebhookEndpointRequest},
 * {@code OneTimePaymentRequest}, {@code PaymentIntentUpdateRequest} ({@code {"payment_intent": ...}}),
 * {@code SubscriptionUpdateRequest}, {@code TerminalSessionCommandRequest}. The classes never contain the wrapper
 * key.</li>
 * </ul>
 * Webhook events are in {@link io.github.camelrecurrente.component.model.event}.
 */
package io.github.camelrecurrente.component.model;
