package dev.arbiter.eval.dataset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One row as read, before field conversion.
 *
 * @param line      1-based line where the row starts
 * @param ordinal   1-based position among the file's data rows (the default id)
 * @param values    column or key → value; CSV cells arrive as text nodes
 * @param fromText  true for CSV/TSV, whose cells may hold JSON lists/objects or {@code A|B|C} choices as text
 */
record RawRow(int line, int ordinal, Map<String, JsonNode> values, boolean fromText) {}
