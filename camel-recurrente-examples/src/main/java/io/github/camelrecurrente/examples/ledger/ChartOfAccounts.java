package io.github.camelrecurrente.examples.ledger;

/**
 * The ledger accounts the example posts to. Codes and names are an example chart: map them to your ERP's chart.
 */
public enum ChartOfAccounts {
    RECURRENTE_CLEARING("1130", "Recurrente clearing (net settlements receivable)"),
    BANK_TRANSFERS_IN_TRANSIT("1135", "Bank transfers pending (receivable)"),
    VAT_WITHHELD_RECEIVABLE("1180", "IVA withheld by Recurrente (tax credit)"),
    PENDING_TRANSFERS_SUSPENSE("2160", "Pending bank transfer collections (suspense)"),
    VAT_OUTPUT("2140", "IVA debito fiscal (output VAT)"),
    SALES("4100", "Sales"),
    SALES_RETURNS("4190", "Sales returns and credit notes"),
    RECURRENTE_FEES("6150", "Recurrente processing fees");

    private final String code;
    private final String displayName;

    ChartOfAccounts(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }
}
