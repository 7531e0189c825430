package io.github.camelrecurrente.examples.invoicing.fel;

/**
 * A document refused here by one of SAT's rules ({@link FelRule}) before anything was sent to the certifier. Final:
 * the same sale would be refused again until the operator changes it (e.g. supplies the buyer's NIT).
 */
public final class FelRefusal extends FelFailure {

    private static final long serialVersionUID = 1L;

    private final FelRule rule;
    private final String reason;

    public FelRefusal(FelRule rule, String reason) {
        super(rule.code() + ": " + reason + " (" + rule.source() + "). Operator: " + rule.operatorAction(), null);
        this.rule = rule;
        this.reason = reason;
    }

    /** @return the rule that refused the document */
    public FelRule rule() {
        return rule;
    }

    @Override
    public String code() {
        return rule.code();
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String operatorAction() {
        return rule.operatorAction();
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
