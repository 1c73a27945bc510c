package dev.arbiter.eval.task.humaneval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.util.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads HumanEval-format JSON lines, plain or gzip-compressed (recognised by content, not by name). Extra fields
 * (as in HumanEval+ files) are ignored; every error names the file, the line and the field.
 */
public final class HumanEvalLoader {
    static final List<String> FIELDS = List.of("task_id", "prompt", "entry_point", "canonical_solution", "test");

    public HumanEvalData load(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnavailableException("HumanEval file not found: " + file);
        } catch (IOException e) {
            throw new UnavailableException("cannot read HumanEval file " + file + ": " + e.getMessage(), e);
        }
        String text = decode(file, raw);
        List<HumanEvalProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            HumanEvalProblem p = parse(file, i + 1, lines[i]);
            if (!ids.add(p.taskId())) {
                throw new InvalidInputException(file + ":" + (i + 1) + ": duplicate task_id '" + p.taskId() + "'");
            }
            problems.add(p);
        }
        if (problems.isEmpty()) throw new InvalidInputException(file + ": no problems (expected JSON lines)");
        return new HumanEvalData(file.toString(), sha256(raw), problems);
    }

    private static String decode(Path file, byte[] raw) {
        byte[] bytes = raw;
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new InvalidInputException(file + ": not a valid gzip file: " + e.getMessage(), e);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text", e);
        }
    }

    private static HumanEvalProblem parse(Path file, int line, String json) {
        String where = file + ":" + line;
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) throw new InvalidInputException(where + ": expected a JSON object");
        String[] v = new String[FIELDS.size()];
        for (int f = 0; f < v.length; f++) {
            String field = FIELDS.get(f);
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new InvalidInputException(where + ": field '" + field + "' is missing (expected a string)");
            }
            if (!value.isTextual()) {
                throw new InvalidInputException(where + ": field '" + field + "' must be a string, got "
                        + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            v[f] = value.asText();
        }
        try {
            return new HumanEvalProblem(v[0], v[1], v[2], v[3], v[4]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + " (" + v[0] + "): " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
