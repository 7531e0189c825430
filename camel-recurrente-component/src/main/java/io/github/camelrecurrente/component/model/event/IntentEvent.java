package io.github.camelrecurrente.component.model.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.camelrecurrente.component.model.Intent;
import io.github.camelrecurrente.component.model.IntentFields;
import io.github.camelrecurrente.component.model.PaymentFields;
import io.github.camelrecurrente.component.model.RecurrenteJson;
import io.github.camelrecurrente.component.model.ResourceRef;

/**
 * Unified {@code intent.succeeded|pending|failed|canceled|paid} ({@code id} = {@code in_...}). Here {@code type} is the
 * <em>intent type</em> ({@code payment}/{@code card}, {@code bank_transfer}, {@code balance}, {@code crypto}, {@code cash}), see
 * {@link #getIntentType()}; the event type is {@code event_type}. {@code raw_status} keeps the concrete state.
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonPropertyOrder({
    "id",
    "event_type",
    "type",
    "api_version",
    "created_at",
    "connected",
    "account_id",
    "live_mode",
    "status",
    "raw_status",
    "amount_in_cents",
    "currency",
    "fee",
    "vat_withheld",
    "vat_withheld_currency",
    "customer",
    "product",
    "checkout",
    "payment",
    "payment_method",
    "details",
    "tax_invoice_url"
})
public class IntentEvent extends RecurrenteEvent implements IntentFields {

    private final PaymentFields.Values paymentFieldsValues = new PaymentFields.Values();

    @Override
    public PaymentFields.Values paymentFields() {
        return paymentFieldsValues;
    }

    /** The intent type ({@code type}): {@code payment}/{@code card}, {@code bank_transfer}, {@code balance}... */
    public String getIntentType() {
        return getType();
    }

    /** {@code details.failure_reason}, or {@code null}. */
    public String getFailureReason() {
        return getDetails() != null ? getDetails().getFailureReason() : null;
    }

    /** This payload as an {@link Intent} (the {@code GET /intents/{id}} model). */
    public Intent toIntent() {
        return RecurrenteJson.mapper().convertValue(this, Intent.class);
    }

    /** The unified intent. */
    @Override
    public ResourceRef subject() {
        return ResourceRef.of(ResourceRef.Kind.INTENT, getId());
    }
}
