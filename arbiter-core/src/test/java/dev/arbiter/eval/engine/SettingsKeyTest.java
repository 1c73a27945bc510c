package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.EvalSetting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings key finds the run to resume. Keys of runs stored by earlier versions must come out the same when
 * nothing changed, so the key of a run without task options, scorer options, judge or --context is pinned here
 * (the values were computed by the version before options were keyed).
 */
class SettingsKeyTest {
    static final GenerationConfig GENERATION = new GenerationConfig(0.0, null, 256, 7L, List.of("Q:"), null, null);
    static final String QUESTIONS = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void theKeyOfARunWithoutASettingIsTheOneEarlierVersionsStored() {
        String key = SettingsKey.of("custom", 1, "exact", "m", "openai http://127.0.0.1:8000 m", "abc", GENERATION,
                7L, 50, 1, QUESTIONS);
        assertThat(key).isEqualTo("370d977b855014c4bd92e3d5a8711f81058dd1a0bc5e7e86547fb6bbd587b106");
    }

    @Test
    void theKeyOfARunWithAnOptionlessSettingIsTheOneEarlierVersionsStored() {
        String key = SettingsKey.of("custom", 1, "exact", "m", "openai http://127.0.0.1:8000 m", "abc", GENERATION,
                null, null, 2, QUESTIONS, new EvalSetting("arbiter", null, null, List.of()));
        assertThat(key).isEqualTo("e2c4ac67380d9e7706ca4c3bf5d75080c04bd1548e14a7c8313435c106b5d140");
    }
}
