package dev.arbiter.eval.task.mmlu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.task.JsonLines;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads MMLU questions from any of three layouts:
 * <ul>
 *   <li>Hendrycks: a directory of header-less CSVs {@code <subject>_<split>.csv} (question, A, B, C, D, letter), either
 *       the {@code data/} root with {@code test/} and {@code dev/} beneath it, or one split directory;</li>
 *   <li>MMMLU: one CSV whose header names {@code Question, A, B, C, D, Answer, Subject} (openai/MMMLU also has a leading
 *       unnamed index column, ignored);</li>
 *   <li>JSONL: {@code question}, {@code choices} (array), {@code answer} (0-based index or letter), optional {@code subject}
 *       (default: the file name without {@code _test}/{@code .jsonl}).</li>
 * </ul>
 * CSV reading follows RFC 4180 (quoted commas, doubled quotes, embedded newlines, CRLF) and drops a UTF-8 BOM.
 */
public final class MmluLoader {
    private MmluLoader() {}

    /** Questions of {@code split} ("test" or "dev") under {@code path}, grouped in file order. */
    public static List<MmluQuestion> load(Path path, String split) {
        if (Files.isDirectory(path)) return loadHendrycksDir(path, split);
        if (!Files.isRegularFile(path)) throw new UnavailableException("MMLU data not found: " + path);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) return loadJsonl(path);
        if (name.endsWith(".csv")) return loadCsv(path);
        throw new InvalidInputException(path + ": expected a directory of Hendrycks CSVs, a .csv (MMMLU) or a .jsonl file");
    }

    /** The {@code <subject>_<split>.csv} files a Hendrycks-layout directory holds for {@code split}, in name order. */
    public static List<Path> splitFiles(Path dir, String split) {
        Path splitDir = Files.isDirectory(dir.resolve(split)) ? dir.resolve(split) : dir;
        String suffix = "_" + split + ".csv";
        List<Path> files;
        try (Stream<Path> s = Files.list(splitDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UnavailableException("cannot list " + splitDir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new UnavailableException("no *" + suffix + " files in " + splitDir);
        return files;
    }

    private static List<MmluQuestion> loadHendrycksDir(Path dir, String split) {
        String suffix = "_" + split + ".csv";
        List<Path> files = splitFiles(dir, split);
        List<MmluQuestion> out = new ArrayList<>();
        for (Path f : files) {
            String subject = f.getFileName().toString();
            subject = subject.substring(0, subject.length() - suffix.length());
            int i = 0;
            for (Rec r : records(f)) {
                if (r.size() < 6) throw rowError(f, r, "expected 6 columns (question, A, B, C, D, answer), got " + r.size());
                List<String> choices = new ArrayList<>();
                for (int c = 1; c < r.size() - 1; c++) choices.add(r.get(c));
                out.add(question(f, r, subject, i++, r.get(0), choices, r.get(r.size() - 1)));
            }
        }
        return out;
    }

    private static List<MmluQuestion> loadCsv(Path file) {
        List<Rec> rows = records(file);
        if (rows.isEmpty()) throw new InvalidInputException(file + ": empty CSV");
        Map<String, Integer> col = new HashMap<>();
        Rec header = rows.get(0);
        for (int c = 0; c < header.size(); c++) col.put(header.get(c).strip().toLowerCase(Locale.ROOT), c);
        for (String need : List.of("question", "a", "b", "c", "d", "answer")) {
            if (!col.containsKey(need)) {
                throw new InvalidInputException(file + ": header must name Question, A, B, C, D, Answer (and Subject); got " + header.toList()
                        + " — header-less Hendrycks CSVs are read from their directory, not one by one");
            }
        }
        Integer subjectCol = col.get("subject");
        List<String> letters = new ArrayList<>();
        for (char l = 'a'; l <= 'z' && col.containsKey(String.valueOf(l)); l++) letters.add(String.valueOf(l));
        Map<String, Integer> perSubject = new LinkedHashMap<>();
        List<MmluQuestion> out = new ArrayList<>();
        for (Rec r : rows.subList(1, rows.size())) {
            if (r.size() < header.size()) throw rowError(file, r, "expected " + header.size() + " columns, got " + r.size());
            String subject = subjectCol == null ? stem(file) : r.get(subjectCol).strip();
            List<String> choices = new ArrayList<>();
            for (String l : letters) choices.add(r.get(col.get(l)));
            int i = perSubject.merge(subject, 1, Integer::sum) - 1;
            out.add(question(file, r, subject, i, r.get(col.get("question")), choices, r.get(col.get("answer"))));
        }
        return out;
    }

    private static List<MmluQuestion> loadJsonl(Path file) {
        Map<String, Integer> perSubject = new LinkedHashMap<>();
        List<MmluQuestion> out = new ArrayList<>();
        for (JsonLines.Row row : JsonLines.read(file)) {
            String subject = row.optionalText("subject");
            if (subject == null) subject = stem(file);
            JsonNode a = row.node().get("answer");
            if (a == null || !(a.isTextual() || a.isIntegralNumber())) throw row.error("field 'answer' must be a choice index or letter");
            List<String> choices = row.texts("choices");
            int answer = a.isIntegralNumber() ? a.asInt() : letterIndex(a.asText());
            if (answer < 0 || answer >= choices.size()) throw row.error("field 'answer' " + a + " does not name one of " + choices.size() + " choices");
            int i = perSubject.merge(subject, 1, Integer::sum) - 1;
            out.add(new MmluQuestion(subject, i, row.text("question"), choices, answer));
        }
        return out;
    }

    private static MmluQuestion question(Path f, Rec r, String subject, int index, String q, List<String> choices, String letter) {
        int answer = letterIndex(letter);
        if (answer < 0 || answer >= choices.size()) throw rowError(f, r, "answer must be a letter A.." + (char) ('A' + choices.size() - 1) + ", got '" + letter + "'");
        return new MmluQuestion(subject, index, q, choices, answer);
    }

    private static int letterIndex(String letter) {
        String s = letter.strip().toUpperCase(Locale.ROOT);
        return s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z' ? s.charAt(0) - 'A' : -1;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        n = n.substring(0, n.lastIndexOf('.'));
        return n.endsWith("_test") ? n.substring(0, n.length() - 5) : n;
    }

    /** A CSV record and the 1-based line it starts on (records may span lines). */
    private record Rec(CSVRecord r, long line) {
        int size() { return r.size(); }
        String get(int i) { return r.get(i); }
        List<String> toList() { return r.toList(); }
    }

    private static List<Rec> records(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (Reader in = new StringReader(text); CSVParser p = CSVFormat.RFC4180.builder().get().parse(in)) {
            List<Rec> out = new ArrayList<>();
            long line = 1;
            int at = 0;
            for (CSVRecord r : p) {
                int pos = (int) r.getCharacterPosition();
                for (; at < pos; at++) if (text.charAt(at) == '\n') line++;
                out.add(new Rec(r, line));
            }
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(file + ": malformed CSV: " + e.getMessage(), e);
        }
    }

    private static InvalidInputException rowError(Path f, Rec r, String what) {
        return new InvalidInputException(f + ":" + r.line() + ": " + what);
    }
}
