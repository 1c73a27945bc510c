package dev.arbiter.eval.task.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * DocVQA (Single Document VQA, rrc.cvc.uab.es) as distributed: {@code val_v1.0.json} (or {@code _withQT}) holding
 * {@code {"data": [{"questionId", "question", "image": "documents/….png", "answers": […]}]}}, images relative to the
 * JSON file. {@code --data} is that file or its folder. The test split publishes no answers and is refused.
 */
public final class DocVqaLoader {
    private DocVqaLoader() {}

    public static List<VisionTask.Item> load(Path data) {
        Path file = Files.isDirectory(data) ? annotations(data) : data;
        if (!Files.isRegularFile(file)) throw new UnavailableException("DocVQA data " + data + " does not exist");
        JsonNode root = ChartQaLoader.read(file);
        JsonNode rows = root.get("data");
        if (rows == null || !rows.isArray()) throw new InvalidInputException(file + ": expected {\"data\": [ … ]} (DocVQA's annotation layout)");
        ImageFiles images = new ImageFiles(file.toAbsolutePath().getParent());
        List<VisionTask.Item> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode e = rows.get(i);
            String where = file + " data[" + i + "]";
            JsonNode answers = e.get("answers");
            if (answers == null || !answers.isArray() || answers.isEmpty()) {
                throw new InvalidInputException(where + ": field 'answers' is missing or empty (the DocVQA test split has no public answers; use val_v1.0.json)");
            }
            List<String> accepted = new ArrayList<>();
            answers.forEach(a -> accepted.add(a.asText()));
            String id = e.has("questionId") ? e.get("questionId").asText() : Integer.toString(i);
            String image = ChartQaLoader.text(e, "image", where);
            items.add(new VisionTask.Item("docvqa-" + id, images.load(image, where + " field image"),
                    ChartQaLoader.text(e, "question", where), accepted, Map.of("image", image)));
        }
        return items;
    }

    private static Path annotations(Path dir) {
        for (String name : List.of("val_v1.0_withQT.json", "val_v1.0.json")) if (Files.isRegularFile(dir.resolve(name))) return dir.resolve(name);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().findFirst()
                    .orElseThrow(() -> new InvalidInputException(dir + ": no DocVQA annotation file (val_v1.0.json)"));
        } catch (IOException e) {
            throw new UnavailableException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
