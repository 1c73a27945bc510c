package dev.arbiter.eval.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.arbiter.error.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV or TSV with a header row; CRLF or LF endings; blank lines are skipped.
 * <ul>
 *   <li>CSV is RFC 4180: quoted fields may hold commas, quotes ("") and line breaks (normalised to LF).</li>
 *   <li>TSV is IANA's text/tab-separated-values: no quoting, so a quote is an ordinary character and a cell is exactly
 *       the text between two tabs; a cell cannot hold a tab or a line break (use CSV or JSONL for those).</li>
 * </ul>
 */
final class CsvReader {
    private CsvReader() {}

    /** @param kind {@link DataFormat#CSV} or {@link DataFormat#TSV} */
    static Rows read(String text, String file, DataFormat kind, LoadOptions options) {
        boolean tsv = kind == DataFormat.TSV;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(tsv ? '\t' : ',').setQuote(tsv ? null : '"')
                .setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();
        Rows out = new Rows();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header, file, options);
            Iterator<CSVRecord> it = parser.iterator();
            int ordinal = 0;
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                if (!it.hasNext()) break;
                CSVRecord r = it.next();
                if (r.size() == 1 && r.get(0).isEmpty()) continue;
                ordinal++;
                if (r.size() != header.size()) {
                    out.problems().add(new DataProblem(file, line, null,
                            "row has " + r.size() + " fields, the header has " + header.size()));
                    continue;
                }
                Map<String, JsonNode> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), TextNode.valueOf(r.get(i).replace("\r\n", "\n").replace('\r', '\n')));
                }
                out.rows().add(new RawRow(line, ordinal, values, true));
            }
        } catch (UncheckedIOException | IOException e) {
            String why = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new InvalidInputException(file + ": malformed " + kind + ": " + why, e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + " line 1: bad header: " + e.getMessage(), e);
        }
        return out;
    }

    private static void checkHeader(List<String> header, String file, LoadOptions options) {
        FieldMap fields = options.fields();
        if (header.isEmpty()) throw new InvalidInputException(file + ": empty file (expected a header row)");
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            if (!h.isEmpty() && !seen.add(h)) throw new InvalidInputException(file + " line 1: column '" + h + "' appears twice");
        }
        if (!seen.contains(fields.input())) {
            throw new InvalidInputException(file + " line 1: no column '" + fields.input() + "' for the input (columns: "
                    + String.join(", ", header) + "; map one with --field input=COLUMN)");
        }
        if (options.requireTarget() && !seen.contains(fields.target())) {
            throw new InvalidInputException(file + " line 1: no column '" + fields.target() + "' for the target (columns: "
                    + String.join(", ", header) + "; map one with --field target=COLUMN)");
        }
    }
}
