package dev.arbiter.eval.task.vision;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ChartQA and DocVQA from small files written here in each benchmark's own layout. */
class BenchmarkLoadersTest {
    @TempDir Path dir;

    private void png(Path file, int index) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, OcrSynth.item(9, index).png());
    }

    @Test
    void chartQaReadsBothTestSplitsWithTheirPngFolder() throws IOException {
        Path test = dir.resolve("ChartQA Dataset/test");
        png(test.resolve("png/a.png"), 0);
        png(test.resolve("png/b.png"), 1);
        Files.writeString(test.resolve("test_human.json"), """
                [{"imgname": "a.png", "query": "What is the peak?", "label": "42"}]""");
        Files.writeString(test.resolve("test_augmented.json"), """
                [{"imgname": "b.png", "query": "Which is largest?", "label": "Paris"},
                 {"imgname": "a.png", "query": "What is the lowest?", "label": "3.5"}]""");
        List<VisionTask.Item> items = ChartQaLoader.load(dir.resolve("ChartQA Dataset"));
        assertThat(items).extracting(VisionTask.Item::id).containsExactly("chartqa-human-0", "chartqa-augmented-0", "chartqa-augmented-1");
        assertThat(items.get(0).answers()).containsExactly("42");
        assertThat(items.get(0).params()).containsEntry("kind", "human");
        assertThat(items.get(0).image()).isSameAs(items.get(2).image()); // one read per file
        Task task = VisionTasks.registerAll(new TaskRegistry()).create("chartqa",
                new TaskParams(test, null, null, null, null, List.of(), null, Map.of()));
        assertThat(task.metrics()).extracting(m -> m.name()).contains("relaxed_accuracy", "relaxed_accuracy/kind/human");
    }

    @Test
    void aMissingChartImageNamesTheFileTheEntryAndTheField() throws IOException {
        Files.createDirectories(dir.resolve("png"));
        Path json = Files.writeString(dir.resolve("test_human.json"), """
                [{"imgname": "gone.png", "query": "q", "label": "1"}]""");
        assertThatThrownBy(() -> ChartQaLoader.load(json)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test_human.json entry 0 field imgname").hasMessageContaining("gone.png does not exist");
    }

    @Test
    void aChartEntryWithoutItsLabelIsRefusedByName() throws IOException {
        png(dir.resolve("png/a.png"), 0);
        Path json = Files.writeString(dir.resolve("test_human.json"), """
                [{"imgname": "a.png", "query": "q"}]""");
        assertThatThrownBy(() -> ChartQaLoader.load(json)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entry 0").hasMessageContaining("'label' is missing");
    }

    @Test
    void anImagePathLeavingTheDatasetFolderIsRefused() throws IOException {
        png(dir.resolve("secret.png"), 0);
        Files.createDirectories(dir.resolve("split/png"));
        Path json = Files.writeString(dir.resolve("split/test_human.json"), """
                [{"imgname": "../../secret.png", "query": "q", "label": "1"}]""");
        assertThatThrownBy(() -> ChartQaLoader.load(json)).isInstanceOf(InvalidInputException.class).hasMessageContaining("leaves");
    }

    @Test
    void docVqaReadsTheValAnnotationsWithEveryAcceptedAnswer() throws IOException {
        png(dir.resolve("documents/p1.png"), 2);
        Files.writeString(dir.resolve("val_v1.0.json"), """
                {"dataset_name": "docvqa", "dataset_split": "val", "data": [
                  {"questionId": 49153, "question": "What is the date?", "image": "documents/p1.png", "docId": 14465,
                   "answers": ["1 March 2021", "March 1, 2021"]},
                  {"questionId": 49154, "question": "Who signed?", "image": "documents/p1.png", "docId": 14465,
                   "answers": ["C. Dubois"]}]}""");
        List<VisionTask.Item> items = DocVqaLoader.load(dir);
        assertThat(items).extracting(VisionTask.Item::id).containsExactly("docvqa-49153", "docvqa-49154");
        assertThat(items.get(0).answers()).containsExactly("1 March 2021", "March 1, 2021");
        assertThat(items.get(0).image().mediaType()).isEqualTo("image/png");
    }

    @Test
    void theDocVqaTestSplitWithoutAnswersIsRefusedWithTheReason() throws IOException {
        png(dir.resolve("documents/p1.png"), 2);
        Path json = Files.writeString(dir.resolve("test_v1.0.json"), """
                {"data": [{"questionId": 1, "question": "q", "image": "documents/p1.png"}]}""");
        assertThatThrownBy(() -> DocVqaLoader.load(json)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("data[0]").hasMessageContaining("no public answers");
    }

    @Test
    void realBenchmarksNeedData() {
        TaskRegistry r = VisionTasks.registerAll(new TaskRegistry());
        assertThatThrownBy(() -> r.create("docvqa", TaskParams.of(null))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--data").hasMessageContaining("doc_qa_synth");
        assertThatThrownBy(() -> r.create("chart_qa_synth", TaskParams.of(dir))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("takes no --data");
    }

    @Test
    void aMalformedAnnotationFileNamesItsLine() throws IOException {
        Path json = Files.writeString(dir.resolve("val_v1.0.json"), "{\"data\": [\n  {\"question\": \"q\",,}\n]}");
        assertThatThrownBy(() -> DocVqaLoader.load(json)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("val_v1.0.json").hasMessageContaining("line 2");
    }
}
