package dev.arbiter.eval.task.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ChartQA as its authors distribute it (github.com/vis-nlp/ChartQA, "ChartQA Dataset/test"): {@code test_human.json}
 * and {@code test_augmented.json}, arrays of {@code {"imgname", "query", "label"}}, with the charts in {@code png/}
 * beside them. {@code --data} is that folder (both splits, as the published ChartQA figure averages them), its parent
 * (the {@code test/} folder is used) or one of the JSON files. Each item's {@code kind} is its split.
 */
public final class ChartQaLoader {
    private ChartQaLoader() {}

    public static List<VisionTask.Item> load(Path data) {
        List<Path> files = new ArrayList<>();
        Path dir = data;
        if (Files.isDirectory(data) && !Files.exists(data.resolve("test_human.json")) && Files.isDirectory(data.resolve("test"))) {
            dir = data.resolve("test");
        }
        if (Files.isDirectory(dir)) {
            for (String name : List.of("test_human.json", "test_augmented.json")) if (Files.isRegularFile(dir.resolve(name))) files.add(dir.resolve(name));
            if (files.isEmpty()) throw new InvalidInputException(data + ": no test_human.json or test_augmented.json (ChartQA's test folder layout)");
        } else if (Files.isRegularFile(data)) {
            files.add(data);
            dir = data.toAbsolutePath().getParent();
        } else {
            throw new UnavailableException("ChartQA data " + data + " does not exist");
        }
        List<VisionTask.Item> items = new ArrayList<>();
        ImageFiles images = new ImageFiles(dir.resolve("png"));
        for (Path file : files) {
            String split = file.getFileName().toString().replace("test_", "").replace(".json", "");
            JsonNode root = read(file);
            if (!root.isArray()) throw new InvalidInputException(file + ": expected a JSON array of {imgname, query, label}");
            for (int i = 0; i < root.size(); i++) {
                JsonNode e = root.get(i);
                String where = file + " entry " + i;
                String img = text(e, "imgname", where), query = text(e, "query", where), label = text(e, "label", where);
                items.add(new VisionTask.Item("chartqa-" + split + "-" + i, images.load(img, where + " field imgname"), query,
                        List.of(label), Map.of("kind", split, "imgname", img)));
            }
        }
        return items;
    }

    static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String text(JsonNode e, String field, String where) {
        JsonNode v = e == null ? null : e.get(field);
        if (v == null || v.isNull()) throw new InvalidInputException(where + ": field '" + field + "' is missing");
        if (!v.isValueNode()) throw new InvalidInputException(where + ": field '" + field + "' must be text, got " + v.getNodeType());
        return v.asText();
    }
}
