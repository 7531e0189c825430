package io.github.camelrecurrente.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The envelope of {@code GET /customers}: {@code {"customers": [...]}} (other list endpoints return a bare JSON
 * array: read those as {@code List<Checkout>}, {@code List<Subscription>}... e.g. with
 * {@code RecurrenteJson.mapper().readerForListOf(Checkout.class)}).
 */
public class CustomerList extends RecurrenteObject {

    @JsonProperty("customers")
    private List<Customer> customers;

    public List<Customer> getCustomers() {
        return customers;
    }

    public void setCustomers(List<Customer> customers) {
        this.customers = customers;
    }
}
