package dev.arbiter.eval.task.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ImagePart;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.task.BenchmarkRows;
import dev.arbiter.eval.task.JsonLines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * MMMU rows from a JSON Lines or JSON export of the Hugging Face dataset (MMMU/MMMU, one folder per subject, Parquet
 * with the images embedded). Parquet itself is refused, as everywhere in Arbiter, with the one-line export that
 * keeps the images as base64 ({@link #EXPORT}). Each row has MMMU's columns: {@code id}
 * ({@code validation_<Subject>_<n>}), {@code question} (with {@code <image k>} placeholders), {@code options}
 * (a Python list literal as the export writes it, or a JSON array), {@code answer} (a letter, or the open answer —
 * sometimes itself a list literal of accepted answers), {@code question_type} ({@code multiple-choice} or
 * {@code open}) and {@code image_1} … {@code image_7}, each null, base64 image data (a {@code data:} URL too), a path
 * relative to the file, or {@code {"bytes": base64, "path": …}}.
 */
final class MmmuLoader {
    /** Run in the folder {@code huggingface-cli download MMMU/MMMU --repo-type dataset} made. */
    static final String EXPORT = "python3 -c \"import pandas as p, base64, glob; d = p.concat(p.read_parquet(f) for f in "
            + "sorted(glob.glob('**/validation-*.parquet', recursive=True))); [d.__setitem__(c, d[c].map(lambda v: None if v is None else "
            + "base64.b64encode(v['bytes']).decode())) for c in d if c.startswith('image_')]; "
            + "d.to_json('mmmu_validation.jsonl', orient='records', lines=True)\"";
    static final int MAX_IMAGES = 7;
    private static final Pattern ID = Pattern.compile("(?:dev|validation|test)_(.+)_\\d+");
    private static final Pattern PLACEHOLDER = Pattern.compile("<image (\\d+)>");

    private MmmuLoader() {}

    /** One MMMU question with its images in the order the text refers to them. */
    record Item(String id, String subject, boolean multipleChoice, String question, List<String> options,
                List<String> golds, List<ImagePart> images) {}

    static List<Item> load(Path data) {
        refuseParquet(data);
        List<Item> items = new ArrayList<>();
        for (JsonLines.Row r : BenchmarkRows.read(data)) items.add(item(r));
        if (items.isEmpty()) throw new InvalidInputException(data + ": no MMMU rows");
        return items;
    }

    private static void refuseParquet(Path data) {
        boolean parquet = data.getFileName() != null && data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        if (!parquet && Files.isDirectory(data)) {
            try (Stream<Path> s = Files.walk(data, 2)) {
                boolean anyParquet = s.anyMatch(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".parquet"));
                boolean anyRows;
                try (Stream<Path> t = Files.list(data)) {
                    anyRows = t.anyMatch(f -> f.toString().matches("(?i).*\\.(jsonl|json|csv)$"));
                }
                parquet = anyParquet && !anyRows;
            } catch (IOException e) {
                throw new UnavailableException("cannot list " + data + ": " + e.getMessage(), e);
            }
        }
        if (parquet) {
            throw new InvalidInputException(data + ": Parquet is not read here (its Java readers need Hadoop); export MMMU to "
                    + "JSON Lines with its images as base64 first, in the downloaded folder: " + EXPORT);
        }
    }

    static Item item(JsonLines.Row r) {
        String id = r.text("id");
        String subject = r.optionalText("subject");
        if (subject == null) {
            Matcher m = ID.matcher(id);
            if (!m.matches()) throw r.error("field 'id' must read <split>_<Subject>_<n> (e.g. validation_Art_Theory_3), or give a 'subject' field; got '" + id + "'");
            subject = m.group(1);
        }
        String type = r.text("question_type");
        boolean mc = switch (type) {
            case "multiple-choice" -> true;
            case "open" -> false;
            default -> throw r.error("field 'question_type' must be multiple-choice or open, got '" + type + "'");
        };
        String question = r.text("question");
        List<String> options = strings(r, "options");
        String answer = r.optionalText("answer");
        if (answer == null || answer.isBlank() || answer.strip().equals("?")) {
            throw r.error("field 'answer' is missing or '?' (MMMU's test answers are withheld: use the validation split)");
        }
        List<String> golds;
        if (mc) {
            if (options.size() < 2) throw r.error("a multiple-choice question needs at least 2 options, got " + options.size());
            String letter = answer.strip().toUpperCase(Locale.ROOT);
            if (letter.length() != 1 || letter.charAt(0) < 'A' || letter.charAt(0) >= 'A' + options.size()) {
                throw r.error("field 'answer' must be a letter A–" + (char) ('A' + options.size() - 1) + ", got '" + answer + "'");
            }
            golds = List.of(letter);
        } else {
            golds = answer.strip().startsWith("[") ? list(r, "answer", answer) : List.of(answer);
        }
        return new Item(id, subject, mc, question, options, golds, images(r, question, options));
    }

    private static List<String> strings(JsonLines.Row r, String field) {
        JsonNode v = r.node().get(field);
        if (v == null || v.isNull()) return List.of();
        if (v.isArray()) return r.texts(field);
        if (!v.isTextual()) throw r.error("field '" + field + "' must be a list of strings (a JSON array or a Python list literal)");
        return list(r, field, v.asText());
    }

    private static List<String> list(JsonLines.Row r, String field, String text) {
        try {
            return PyList.parse(text);
        } catch (IllegalArgumentException e) {
            throw r.error("field '" + field + "': " + e.getMessage());
        }
    }

    /** The images the question and options name, in order of first mention; every present image when none is named. */
    private static List<ImagePart> images(JsonLines.Row r, String question, List<String> options) {
        Set<Integer> named = new LinkedHashSet<>();
        for (String text : prepend(question, options)) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) named.add(Integer.parseInt(m.group(1)));
        }
        List<ImagePart> out = new ArrayList<>();
        if (named.isEmpty()) {
            for (int k = 1; k <= MAX_IMAGES; k++) {
                ImagePart p = image(r, k);
                if (p != null) out.add(p);
            }
            return out;
        }
        for (int k : named) {
            ImagePart p = k >= 1 && k <= MAX_IMAGES ? image(r, k) : null;
            if (p == null) throw r.error("the question refers to <image " + k + "> but field 'image_" + k + "' is empty");
            out.add(p);
        }
        return out;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** image_k of the row, or null when absent. */
    private static ImagePart image(JsonLines.Row r, int k) {
        String field = "image_" + k;
        JsonNode v = r.node().get(field);
        if (v == null || v.isNull()) return null;
        if (v.isObject()) {
            JsonNode bytes = v.get("bytes");
            if (bytes != null && bytes.isTextual() && !bytes.asText().isEmpty()) return decode(r, field, bytes.asText());
            JsonNode path = v.get("path");
            if (path != null && path.isTextual() && !path.asText().isEmpty()) return file(r, field, path.asText());
            throw r.error("field '" + field + "' has neither 'bytes' (base64) nor 'path'");
        }
        if (!v.isTextual()) throw r.error("field '" + field + "' must be base64 image data, a file path or {\"bytes\": …}");
        String s = v.asText().strip();
        if (s.isEmpty()) return null;
        if (s.length() < 1024 && s.toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|webp)$")) return file(r, field, s);
        return decode(r, field, s);
    }

    private static ImagePart file(JsonLines.Row r, String field, String relative) {
        Path dir = r.file().toAbsolutePath().getParent();
        return new ImageFiles(dir).load(relative, r.file() + ":" + r.line() + " field " + field);
    }

    private static ImagePart decode(JsonLines.Row r, String field, String text) {
        String b64 = text.startsWith("data:") && text.contains(",") ? text.substring(text.indexOf(',') + 1) : text;
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw r.error("field '" + field + "' is neither a path to a .png/.jpg/.webp file nor base64 image data");
        }
        String type = mediaType(bytes);
        if (type == null) throw r.error("field '" + field + "' decodes to " + bytes.length + " bytes that are not PNG, JPEG, GIF or WebP");
        return ImagePart.of(type, bytes);
    }

    /** The image format by its magic bytes, or null. */
    static String mediaType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "image/jpeg";
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') return "image/gif";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') return "image/webp";
        return null;
    }
}
