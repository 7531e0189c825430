package io.github.camelrecurrente.component.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /one_time_payments}: charge a saved payment method ({@code pay_m_...}) for some items (no {@code charge_type}).
 */
public class OneTimePaymentRequest extends RecurrenteObject {

    @JsonProperty("payment_method_id")
    private String paymentMethodId;

    @JsonProperty("items")
    private List<CheckoutItem> items;

    public String getPaymentMethodId() {
        return paymentMethodId;
    }

    public void setPaymentMethodId(String paymentMethodId) {
        this.paymentMethodId = paymentMethodId;
    }

    /** Fluent setter for {@code payment_method_id}. */
    public OneTimePaymentRequest paymentMethodId(String paymentMethodId) {
        this.paymentMethodId = paymentMethodId;
        return this;
    }

    public List<CheckoutItem> getItems() {
        return items;
    }

    public void setItems(List<CheckoutItem> items) {
        this.items = items;
    }

    /** Fluent setter for {@code items}. */
    public OneTimePaymentRequest items(List<CheckoutItem> items) {
        this.items = items;
        return this;
    }

    /** A charge of {@code paymentMethodId} for the given items. */
    public static OneTimePaymentRequest of(String paymentMethodId, CheckoutItem... items) {
        return new OneTimePaymentRequest()
                .paymentMethodId(paymentMethodId)
                .items(new ArrayList<>(Arrays.asList(items)));
    }

    /** Adds an item. */
    public OneTimePaymentRequest addItem(CheckoutItem item) {
        if (items == null) {
            items = new ArrayList<>();
        }
        items.add(item);
        return this;
    }
}
