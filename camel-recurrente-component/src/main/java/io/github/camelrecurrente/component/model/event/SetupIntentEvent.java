package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Customer;
import io.github.camelrecurrente.component.model.PaymentMethod;
import io.github.camelrecurrente.component.model.ResourceRef;
import io.github.camelrecurrente.component.model.Subscription;

/**
 * {@code setup_intent.succeeded|cancelled}: a card was (or could not be) tokenised without a charge (trial
 * subscriptions, {@code mode: setup} checkouts). The documented payload spells the subscription {@code suscription}; both
 * spellings map to {@link #getSubscription()}. The card-update guide's variant has {@code id}, {@code type} and
 * {@code payment_method} instead.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public class SetupIntentEvent extends RecurrenteEvent {

    @JsonProperty("status")
    private String status;

    @JsonProperty("subscription")
    private Subscription subscription;

    @JsonProperty("suscription")
    private Subscription suscription;

    @JsonProperty("payment_method")
    private PaymentMethod paymentMethod;

    @JsonProperty("checkout")
    private Checkout checkout;

    @JsonProperty("customer")
    private Customer customer;

    @JsonProperty("customer_id")
    private String customerId;

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public void setSubscription(Subscription subscription) {
        this.subscription = subscription;
    }

    public Subscription getSuscription() {
        return suscription;
    }

    public void setSuscription(Subscription suscription) {
        this.suscription = suscription;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public Checkout getCheckout() {
        return checkout;
    }

    public void setCheckout(Checkout checkout) {
        this.checkout = checkout;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    /** {@code subscription}, else the misspelt {@code suscription}, else {@code null}. */
    public Subscription getSubscription() {
        return subscription != null ? subscription : suscription;
    }

    /** The subscription id, or {@code null}. */
    public String getSubscriptionId() {
        Subscription s = getSubscription();
        return s != null ? s.getId() : null;
    }

    /** The raw {@code subscription} field (correct spelling), may be {@code null}. */
    public Subscription getRawSubscription() {
        return subscription;
    }

    /** {@link #getId()}, else the subscription id. */
    @Override
    public String getResourceId() {
        return getId() != null ? getId() : getSubscriptionId();
    }

    /** The subscription it sets up. */
    @Override
    public ResourceRef subject() {
        return ResourceRef.of(ResourceRef.Kind.SUBSCRIPTION, getSubscriptionId());
    }
}
