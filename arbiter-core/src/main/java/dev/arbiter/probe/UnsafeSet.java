package dev.arbiter.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.Sample;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's own set of unsafe requests (a local copy of a public safety benchmark: Arbiter ships no harmful text),
 * on which a content-safety guard's detection rate is measured. A {@code .jsonl} file with a {@code prompt},
 * {@code goal}, {@code behavior} or {@code text} field per line (either case), or a text file with one request per
 * line. Samples are {@code unsafe/N} (1-based line), kind {@code unsafe}; the model's replies are classified by the
 * guard but not scored (that would need a judge).
 */
public final class UnsafeSet {
    public static final String KIND = "unsafe";
    public static final String CATEGORY = "guard_unsafe_set";
    private static final List<String> FIELDS = List.of("prompt", "goal", "behavior", "text");

    private UnsafeSet() {}

    public static List<Sample> load(Path file, String system) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnavailableException("unsafe set " + file + " not found");
        } catch (IOException e) {
            throw new UnavailableException("cannot read unsafe set " + file + ": " + e.getMessage(), e);
        }
        boolean jsonl = file.getFileName().toString().endsWith(".jsonl");
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String request = jsonl ? field(line, file, i + 1) : line;
            out.add(new Sample("unsafe/" + (i + 1), List.of(ChatMessage.system(system), ChatMessage.user(request)), List.of(),
                    List.of(), Map.of("kind", KIND, "category", CATEGORY, "source", file.getFileName().toString())));
        }
        if (out.isEmpty()) throw new InvalidInputException("unsafe set " + file + " holds no request");
        return out;
    }

    private static String field(String line, Path file, int n) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new InvalidInputException(file + " line " + n + ": not valid JSON (" + e.getMessage().split("\n")[0] + ")");
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (FIELDS.contains(f.toLowerCase(java.util.Locale.ROOT)) && node.get(f).isTextual()) return node.get(f).asText();
        }
        throw new InvalidInputException(file + " line " + n + ": expected a text field named one of " + FIELDS);
    }
}
