package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.task.niah.NiahScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NiahTaskTest {
    private static NiahTask.Options options(List<Integer> lengths, List<Integer> depths) {
        return new NiahTask.Options(lengths, depths, 1, 42, null, null);
    }

    @Test
    void buildsOneSamplePerCellSizedAtFourCharsPerToken() {
        Task t = NiahTask.create(options(List.of(1024, 4096), List.of(0, 50, 100)));
        assertThat(t.dataset().samples()).hasSize(6);
        for (Sample s : t.dataset().samples()) {
            int length = (Integer) s.metadata().get("length");
            int chars = s.input().get(0).content().length();
            assertThat(chars).isBetween(length * 4 - 10, length * 4 + 120); // overshoot: at most one filler sentence
            assertThat(s.input().get(0).content()).contains(s.firstTarget());
        }
        assertThat(t.dataset().sha256()).isEqualTo(NiahTask.create(options(List.of(1024, 4096), List.of(0, 50, 100))).dataset().sha256());
    }

    @Test
    void parsesLengthsWithKAs1024Tokens() {
        assertThat(NiahTask.parseLengths("1k, 4k,16000")).containsExactly(1024, 4096, 16000);
        assertThatThrownBy(() -> NiahTask.parseLengths("4kb")).isInstanceOf(InvalidInputException.class).hasMessageContaining("4kb");
    }

    @Test
    void refusesLengthsBeyondTheModelsContext() {
        assertThatThrownBy(() -> NiahTask.create(new NiahTask.Options(List.of(4096, 65536), null, 1, 1, 32768, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("65536").hasMessageContaining("32768");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {"482913|1.0", "The passcode is 482913.|1.0", "Either 123456 or 482913.|0.0",
            "I could not find it.|0.0", "4829130|0.0"})
    void scoresExactRetrieval(String answer, double expected) {
        Sample s = new Sample("1024/50/0", List.of(ChatMessage.user("q")), List.of("482913"), List.of(), Map.of("length", 1024, "depth", 50));
        TaskState st = TaskState.start(s, 0).withOutput(new GenerateResponse(answer, null, "stop", null, null, null, "m"));
        assertThat(new NiahScorer().score(st).value()).isEqualTo(expected);
    }

    @Test
    void theGridHasOneAccuracyPerLengthAndDepth() {
        Task t = NiahTask.create(options(List.of(1024, 2048), List.of(0, 100)));
        List<SampleScore> scores = new ArrayList<>();
        for (Sample s : t.dataset().samples()) {
            boolean right = !(s.metadata().get("length").equals(2048) && s.metadata().get("depth").equals(100));
            String answer = right ? s.firstTarget() : "000000";
            TaskState st = TaskState.start(s, 0).withOutput(new GenerateResponse(answer, null, "stop", null, null, null, "m"));
            scores.add(new SampleScore(s.id(), 0, t.scorer().score(st)));
        }
        Map<String, Double> m = new HashMap<>();
        for (var metric : t.metrics()) {
            MetricValue v = metric.compute(scores);
            m.put(v.name(), v.value());
        }
        assertThat(m).containsEntry("accuracy", 0.75).containsEntry("grid/1024/0", 1.0).containsEntry("grid/1024/100", 1.0)
                .containsEntry("grid/2048/0", 1.0).containsEntry("grid/2048/100", 0.0).hasSize(5);
    }
}
