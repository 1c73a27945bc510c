package dev.arbiter.catalog;

/**
 * Parameter counts as the vendor states them (or as the Hugging Face safetensors index reports them).
 *
 * @param total  all parameters, in parameters (e.g. 109_000_000_000)
 * @param active parameters used per token (equal to total for dense models)
 * @param source URL where the figure is stated
 */
public record OfficialParams(long total, long active, String source) {
    public OfficialParams {
        Checks.positive("official_params.total", total);
        if (active == 0) active = total;
        Checks.positive("official_params.active", active);
        Checks.required("official_params.source", source);
    }
}
