package io.github.camelrecurrente.component.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A saved payment method ({@code pay_m_...}); its id is what {@code POST /one_time_payments} and
 * {@code PUT /subscriptions/{id}} take. {@code type} is e.g. {@code card} or {@code bank_transfer_receiver}.
 */
public class PaymentMethod extends RecurrenteObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("type")
    private String type;

    @JsonProperty("card")
    private Card card;

    @JsonProperty("bank_transfer_receiver")
    private Map<String, Object> bankTransferReceiver;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Card getCard() {
        return card;
    }

    public void setCard(Card card) {
        this.card = card;
    }

    public Map<String, Object> getBankTransferReceiver() {
        return bankTransferReceiver;
    }

    public void setBankTransferReceiver(Map<String, Object> bankTransferReceiver) {
        this.bankTransferReceiver = bankTransferReceiver;
    }

    @Override
    protected String toStringFields() {
        return "id=" + id + ", " + "type=" + type;
    }
}
