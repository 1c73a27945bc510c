package dev.arbiter.eval.task.vision;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed gives byte-identical images and items; the images are real PNGs of the stated size. */
class SynthDeterminismTest {
    @Test
    void chartsAreByteIdenticalForTheSameSeedAndDifferForAnother() {
        sameTwice(ChartSynth::item);
    }

    @Test
    void documentsAreByteIdenticalForTheSameSeedAndDifferForAnother() {
        sameTwice(DocSynth::item);
    }

    @Test
    void ocrLinesAreByteIdenticalForTheSameSeedAndDifferForAnother() {
        sameTwice(OcrSynth::item);
    }

    private static void sameTwice(BiFunction<Long, Integer, SynthItem> gen) {
        Set<String> questionsAndAnswers = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            SynthItem a = gen.apply(7L, i), b = gen.apply(7L, i);
            assertThat(a.png()).isEqualTo(b.png());
            assertThat(a.question()).isEqualTo(b.question());
            assertThat(a.answers()).isEqualTo(b.answers());
            assertThat(a.params()).isEqualTo(b.params());
            assertThat(a.png()).isNotEqualTo(gen.apply(8L, i).png());
            questionsAndAnswers.add(a.question() + a.answers());
        }
        assertThat(questionsAndAnswers).as("items vary").hasSizeGreaterThan(6);
    }

    @Test
    void chartAndDocumentImagesDecodeAtTheirCanvasSize() throws IOException {
        for (int i = 0; i < 6; i++) {
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(ChartSynth.item(1, i).png()));
            assertThat(chart.getWidth()).isEqualTo(ChartSynth.WIDTH);
            assertThat(chart.getHeight()).isEqualTo(ChartSynth.HEIGHT);
            BufferedImage doc = ImageIO.read(new ByteArrayInputStream(DocSynth.item(1, i).png()));
            assertThat(doc.getWidth()).isEqualTo(DocSynth.WIDTH);
        }
    }

    @Test
    void everyChartAnswerFollowsFromItsValues() {
        for (int i = 0; i < 60; i++) {
            SynthItem item = ChartSynth.item(3, i);
            @SuppressWarnings("unchecked") var values = (java.util.List<Integer>) item.params().get("values");
            @SuppressWarnings("unchecked") var cats = (java.util.List<String>) item.params().get("categories");
            String answer = item.answers().get(0);
            switch ((String) item.params().get("question_type")) {
                case "max" -> assertThat(answer).isEqualTo(cats.get(values.indexOf(values.stream().max(Integer::compare).orElseThrow())));
                case "min" -> assertThat(answer).isEqualTo(cats.get(values.indexOf(values.stream().min(Integer::compare).orElseThrow())));
                case "value", "difference" -> assertThat(Integer.parseInt(answer)).isBetween(0, 100);
                default -> assertThat(Double.parseDouble(answer)).isPositive();
            }
            if ("pie".equals(item.params().get("kind"))) assertThat(values.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        }
    }
}
