package dev.arbiter.compare;

/**
 * One model's serving cost in the comparison, on the hardware the user named (compare --hardware).
 *
 * @param hardware         hardware profile id
 * @param gpus             GPUs in the deployment
 * @param quant            the quantisation priced (see {@code quantChoice}), or null when none fits
 * @param perMillionOutput all-in cost of 1M output tokens, or null when it does not fit
 * @param currency         ISO code
 * @param source           estimated or measured
 * @param runId            the bench run when measured
 * @param note             why there is no figure, else null
 * @param quantChoice      why this quantisation ({@code CostCalculator.chooseQuant}), or null when none fits
 */
public record CostCell(String hardware, int gpus, String quant, Double perMillionOutput, String currency, String source, String runId,
                       String note, String quantChoice) {
    /** The figure as a table shows it: "1.23 USD (BF16)", with m for measured, or "-" (and the note elsewhere). */
    public String text() {
        if (perMillionOutput == null) return "-";
        double v = perMillionOutput;
        String n = v >= 100 ? String.format(java.util.Locale.US, "%,.0f", v) : v >= 1 ? String.format(java.util.Locale.US, "%.2f", v)
                : String.format(java.util.Locale.US, "%.3g", v);
        return n + " " + currency + " (" + quant + (runId != null ? ", measured" : "") + ")";
    }
}
