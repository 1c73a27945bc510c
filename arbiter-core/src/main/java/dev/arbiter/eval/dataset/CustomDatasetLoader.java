package dev.arbiter.eval.dataset;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.SkippedRows;
import dev.arbiter.eval.scorer.ChoiceTarget;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Loads the user's own data ({@code --task custom --data FILE}) from JSONL or CSV/TSV (UTF-8, optional BOM).
 * Each row gives {@code input} (text or a list of {role, content} messages), {@code target} (text or a list),
 * and optionally {@code id} (default: the row's position, 1-based), {@code choices}, {@code system} and
 * {@code metadata}; other columns are ignored. A row with choices must name exactly one of them by its first target
 * ({@link ChoiceTarget}). A number in JSONL is its text as written ({@code 3.10}, {@code 1e6}), as in CSV. The first bad row fails the load with its file, line and field,
 * unless skipInvalid is set, in which case bad rows are skipped and returned. Duplicate ids always fail.
 * The dataset records the file's SHA-256, computed over the exact bytes that were parsed.
 */
public final class CustomDatasetLoader {
    private CustomDatasetLoader() {}

    public static LoadedDataset load(Path file, LoadOptions options) {
        byte[] bytes = readBytes(file);
        // The digest on another core while this one parses: SHA-256 runs without its intrinsic under the launcher's
        // C1-only JIT, a tenth of loading a 16,000-line file.
        java.util.concurrent.CompletableFuture<String> digest =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> sha256(bytes));
        String name = file.getFileName().toString();
        String text = decode(bytes, name);
        DataFormat format = options.format() != null ? options.format() : DataFormat.of(file);
        Rows rows = switch (format) {
            case JSONL -> JsonlReader.read(text, name);
            case CSV, TSV -> CsvReader.read(text, name, format, options);
        };
        List<DataProblem> problems = new ArrayList<>(rows.problems());
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (RawRow row : rows.rows()) {
            Sample s;
            try {
                s = toSample(row, options);
            } catch (RowException e) {
                problems.add(new DataProblem(name, row.line(), e.field, e.getMessage()));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(s.id(), row.line());
            if (earlier != null) {
                throw new InvalidInputException(new DataProblem(name, row.line(), options.fields().id(),
                        "duplicate id '" + s.id() + "' (first used on line " + earlier + ")").toString());
            }
            samples.add(s);
        }
        problems.sort(Comparator.comparingInt(DataProblem::line));
        if (!problems.isEmpty() && !options.skipInvalid()) {
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more bad rows)" : "";
            throw new InvalidInputException(problems.get(0) + more + "; fix the file or skip bad rows with --skip-invalid");
        }
        if (samples.isEmpty()) {
            throw new InvalidInputException(name + ": no samples" + (problems.isEmpty() ? "" : " (all " + problems.size() + " rows are invalid)"));
        }
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        SkippedRows skipped = problems.isEmpty() ? null
                : new SkippedRows(problems.size(), problems.stream().limit(SkippedRows.MAX_LINES).map(p -> p.file() + ":" + p.line()).toList());
        return new LoadedDataset(new Dataset(stem, file.toAbsolutePath().normalize().toString(), digest.join(), samples, skipped),
                problems);
    }

    private static Sample toSample(RawRow row, LoadOptions options) {
        FieldMap f = options.fields();
        Map<String, com.fasterxml.jackson.databind.JsonNode> v = row.values();
        List<ChatMessage> input = new ArrayList<>(Fields.input(v.get(f.input()), f.input(), row.fromText()));
        List<String> target = Fields.target(v.get(f.target()), f.target(), row.fromText());
        if (target.isEmpty() && options.requireTarget()) throw new RowException(f.target(), "missing");
        String system = Fields.system(v.get(f.system()), f.system());
        if (system != null) input.add(0, ChatMessage.system(system));
        List<String> choices = Fields.choices(v.get(f.choices()), f.choices(), row.fromText());
        if (!choices.isEmpty() && !target.isEmpty()) {
            // refused here, with its line, rather than left unscored (or scored against a guess) in the run
            ChoiceTarget.Named named = ChoiceTarget.resolve(target.get(0), choices, choices.size());
            if (!named.named()) throw new RowException(f.target(), named.problem());
        }
        return new Sample(Fields.id(v.get(f.id()), f.id(), row.ordinal()), input, target, choices,
                Fields.metadata(v.get(f.metadata()), f.metadata(), row.fromText()));
    }

    private static byte[] readBytes(Path file) {
        try {
            return dev.arbiter.util.FileBytes.read(file);  // not Files.readAllBytes: see FileBytes
        } catch (NoSuchFileException e) {
            throw new UnavailableException("data file " + file + " not found");
        } catch (IOException e) {
            throw new UnavailableException("cannot read data file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Strict UTF-8; a leading byte-order mark is dropped. */
    private static String decode(byte[] bytes, String name) {
        // The JDK's own decoding (vectorised for ASCII) replaces bad bytes with U+FFFD; only a text holding U+FFFD
        // goes through the strict decoder, which refuses bad bytes (a U+FFFD written as such stays).
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) text = strictDecode(bytes, name);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Refuses the first byte that is not UTF-8, naming its line (counted in '\n' bytes before it). */
    private static String strictDecode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);  // UTF-8 never decodes to more chars than it has bytes
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
            throw new InvalidInputException(new DataProblem(name, line, null, String.format(java.util.Locale.US,
                    "not UTF-8 text (byte 0x%02X); save it as UTF-8", bytes[at] & 0xFF)).toString());
        }
        return out.flip().toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
