package dev.arbiter.eval.dataset;

/**
 * How to read a custom dataset.
 *
 * @param format        null to choose by file extension
 * @param skipInvalid   skip bad rows and report them instead of failing on the first
 * @param requireTarget whether every row needs a non-empty target (false for a judge with a global rubric)
 */
public record LoadOptions(FieldMap fields, DataFormat format, boolean skipInvalid, boolean requireTarget) {
    public static final LoadOptions DEFAULT = new LoadOptions(FieldMap.DEFAULT, null, false, true);

    public LoadOptions {
        fields = fields == null ? FieldMap.DEFAULT : fields;
    }

    public LoadOptions withSkipInvalid(boolean skip) { return new LoadOptions(fields, format, skip, requireTarget); }
    public LoadOptions withFields(FieldMap f) { return new LoadOptions(f, format, skipInvalid, requireTarget); }
    public LoadOptions withRequireTarget(boolean r) { return new LoadOptions(fields, format, skipInvalid, r); }
}
