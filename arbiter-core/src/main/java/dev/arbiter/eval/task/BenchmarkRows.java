package dev.arbiter.eval.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The rows of a benchmark file in the formats its users download: JSON Lines, a JSON array (or an object holding
 * one under {@code data}/{@code rows}, as Hugging Face's viewer exports), or CSV with a header (cells as text). Each
 * row keeps its file and line so an error names them. Parquet is not read: its Java readers need Hadoop; export to
 * JSONL with {@code pandas.read_parquet(f).to_json(out, orient="records", lines=True)}.
 */
public final class BenchmarkRows {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private BenchmarkRows() {}

    /** Every row of {@code file}, or of every supported file directly inside {@code file} when it is a folder (in name order). */
    public static List<JsonLines.Row> read(Path file) {
        if (Files.isDirectory(file)) {
            List<JsonLines.Row> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(file)) {
                for (Path f : files.filter(BenchmarkRows::supported).sorted().toList()) all.addAll(read(f));
            } catch (IOException e) {
                throw new UnavailableException("cannot list " + file + ": " + e.getMessage(), e);
            }
            if (all.isEmpty()) throw new InvalidInputException(file + ": no .jsonl, .json or .csv file with rows in this folder");
            return all;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            throw new InvalidInputException(file + ": Parquet is not read here; export it to JSON Lines first, e.g. "
                    + "python3 -c \"import pandas as p; p.read_parquet('" + file.getFileName() + "').to_json('out.jsonl', orient='records', lines=True)\"");
        }
        if (name.endsWith(".csv")) return csv(file);
        if (name.endsWith(".json")) return json(file);
        return JsonLines.read(file);
    }

    static boolean supported(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(f) && (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".csv"));
    }

    private static List<JsonLines.Row> json(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode rows = root.isArray() ? root : root.has("data") ? root.get("data") : root.get("rows");
        if (rows == null || !rows.isArray()) throw new InvalidInputException(file + ": expected a JSON array of rows (or {\"data\": [...]})");
        List<JsonLines.Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i).has("row") && rows.get(i).size() <= 3 ? rows.get(i).get("row") : rows.get(i);
            if (!r.isObject()) throw new InvalidInputException(file + ": row " + (i + 1) + " is not a JSON object");
            // A JSON array gives no line per row; the 1-based row number stands in for it in messages.
            out.add(new JsonLines.Row(file, i + 1, r));
        }
        return out;
    }

    private static List<JsonLines.Row> csv(Path file) {
        List<JsonLines.Row> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord rec : parser) {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < header.size() && i < rec.size(); i++) node.put(header.get(i), rec.get(i));
                // Lines read so far: the line the record ends on (header is line 1).
                out.add(new JsonLines.Row(file, (int) parser.getCurrentLineNumber(), node));
            }
        } catch (NoSuchFileException e) {
            throw new UnavailableException("file not found: " + file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(file + ": not valid CSV: " + e.getMessage(), e);
        }
        return out;
    }
}
