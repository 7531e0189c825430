package io.github.camelrecurrente.component.model.event;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.Checkout;
import io.github.camelrecurrente.component.model.Payment;
import io.github.camelrecurrente.component.model.Product;
import io.github.camelrecurrente.component.model.ResourceRef;
import io.github.camelrecurrente.component.model.Subscriber;

/**
 * {@code subscription.create|past_due|paused|pause|unpause|cancel} ({@code id} = {@code su_...}):
 * subscriber ({@code customer_email}, {@code customer_id}, {@code customer_name}), full {@code product} with prices, last payment.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public class SubscriptionEvent extends RecurrenteEvent {

    @JsonProperty("status")
    private String status;

    @JsonProperty("customer_email")
    private String customerEmail;

    @JsonProperty("customer_id")
    private String customerId;

    @JsonProperty("customer_name")
    private String customerName;

    @JsonProperty("product")
    private Product product;

    @JsonProperty("payment")
    private Payment payment;

    @JsonProperty("checkout")
    private Checkout checkout;

    @JsonProperty("subscriber")
    private Subscriber subscriber;

    @JsonProperty("current_period_start")
    private OffsetDateTime currentPeriodStart;

    @JsonProperty("current_period_end")
    private OffsetDateTime currentPeriodEnd;

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public void setCustomerEmail(String customerEmail) {
        this.customerEmail = customerEmail;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public Product getProduct() {
        return product;
    }

    public void setProduct(Product product) {
        this.product = product;
    }

    public Payment getPayment() {
        return payment;
    }

    public void setPayment(Payment payment) {
        this.payment = payment;
    }

    public Checkout getCheckout() {
        return checkout;
    }

    public void setCheckout(Checkout checkout) {
        this.checkout = checkout;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public void setSubscriber(Subscriber subscriber) {
        this.subscriber = subscriber;
    }

    public OffsetDateTime getCurrentPeriodStart() {
        return currentPeriodStart;
    }

    public void setCurrentPeriodStart(OffsetDateTime currentPeriodStart) {
        this.currentPeriodStart = currentPeriodStart;
    }

    public OffsetDateTime getCurrentPeriodEnd() {
        return currentPeriodEnd;
    }

    public void setCurrentPeriodEnd(OffsetDateTime currentPeriodEnd) {
        this.currentPeriodEnd = currentPeriodEnd;
    }

    /** The subscription. */
    @Override
    public ResourceRef subject() {
        return ResourceRef.of(ResourceRef.Kind.SUBSCRIPTION, getResourceId());
    }
}
