package dev.arbiter.eval.engine;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadRecordingMapTest {
    @Test
    void aKeyNoOneAskedForIsUnread() {
        ReadRecordingMap m = ReadRecordingMap.of(Map.of("lengths", "1k", "length", "2k", "depth", "50"));
        assertThat(m.get("lengths")).isEqualTo("1k");
        assertThat(m.getOrDefault("depths", "0,50,100")).isEqualTo("0,50,100");
        assertThat(m.containsKey("max_context")).isFalse();
        assertThat(m.unread(List.of("lengths", "length", "depth"))).containsExactly("length", "depth");
        assertThat(m.asked()).containsExactlyInAnyOrder("lengths", "depths", "max_context");
    }

    @Test
    void aFactoryThatWalksTheWholeMapMayHaveReadAnyKey() {
        ReadRecordingMap copied = ReadRecordingMap.of(Map.of("k", "1", "typo", "x"));
        Map<String, String> copy = new HashMap<>(copied);
        assertThat(copy).containsEntry("typo", "x");
        assertThat(copied.unread(List.of("k", "typo"))).isEmpty();

        ReadRecordingMap iterated = ReadRecordingMap.of(Map.of("field.input", "q"));
        iterated.forEach((k, v) -> { });
        assertThat(iterated.unread(List.of("field.input"))).isEmpty();
    }

    @Test
    void theFlagsAFactoryReadsAreNotedEvenWhenItWalksTheMap() {
        ReadRecordingMap m = ReadRecordingMap.of(Map.of("a", "1"));
        TaskParams p = new TaskParams(null, null, null, 3, null, List.of("algebra"), "fr", m);
        m.forEach((k, v) -> { });  // walking the options says nothing about the flags
        assertThat(m.flagsNotRead(List.of(TaskParams.SHOTS, TaskParams.SUBJECTS, TaskParams.LANGUAGE)))
                .containsExactly(TaskParams.SHOTS, TaskParams.SUBJECTS, TaskParams.LANGUAGE);
        assertThat(p.shots()).isEqualTo(3);
        assertThat(p.language()).isEqualTo("fr");
        assertThat(m.flagsNotRead(List.of(TaskParams.SHOTS, TaskParams.SUBJECTS, TaskParams.LANGUAGE))).containsExactly(TaskParams.SUBJECTS);
    }

    @Test
    void itIsUnmodifiableAndTaskParamsKeepsIt() {
        ReadRecordingMap m = ReadRecordingMap.of(Map.of("a", "1"));
        assertThatThrownBy(() -> m.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        TaskParams p = new TaskParams(null, null, null, null, null, List.of(), null, m);
        assertThat(p.options()).isSameAs(m);
        p.options().get("a");
        assertThat(m.unread(List.of("a"))).isEmpty();
    }
}
