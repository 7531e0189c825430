package io.github.camelrecurrente.component.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /terminal_session_commands} ({@code amount_in_cents} or {@code amount}; {@code external_id} is the idempotency key).
 */
public class TerminalSessionCommandRequest extends RecurrenteObject {

    @JsonProperty("terminal_id")
    private String terminalId;

    @JsonProperty("external_id")
    private String externalId;

    @JsonProperty("amount_in_cents")
    private Long amountInCents;

    @JsonProperty("amount")
    private BigDecimal amount;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("installments")
    private Integer installments;

    public String getTerminalId() {
        return terminalId;
    }

    public void setTerminalId(String terminalId) {
        this.terminalId = terminalId;
    }

    /** Fluent setter for {@code terminal_id}. */
    public TerminalSessionCommandRequest terminalId(String terminalId) {
        this.terminalId = terminalId;
        return this;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    /** Fluent setter for {@code external_id}. */
    public TerminalSessionCommandRequest externalId(String externalId) {
        this.externalId = externalId;
        return this;
    }

    public Long getAmountInCents() {
        return amountInCents;
    }

    public void setAmountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
    }

    /** Fluent setter for {@code amount_in_cents}. */
    public TerminalSessionCommandRequest amountInCents(Long amountInCents) {
        this.amountInCents = amountInCents;
        return this;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    /** Fluent setter for {@code amount}. */
    public TerminalSessionCommandRequest amount(BigDecimal amount) {
        this.amount = amount;
        return this;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** Fluent setter for {@code currency}. */
    public TerminalSessionCommandRequest currency(String currency) {
        this.currency = currency;
        return this;
    }

    public Integer getInstallments() {
        return installments;
    }

    public void setInstallments(Integer installments) {
        this.installments = installments;
    }

    /** Fluent setter for {@code installments}. */
    public TerminalSessionCommandRequest installments(Integer installments) {
        this.installments = installments;
        return this;
    }

    /** A charge of {@code amountInCents} {@code currency} on {@code terminalId}. */
    public static TerminalSessionCommandRequest of(
            String terminalId, String externalId, long amountInCents, String currency) {
        return new TerminalSessionCommandRequest()
                .terminalId(terminalId)
                .externalId(externalId)
                .amountInCents(amountInCents)
                .currency(currency);
    }
}
