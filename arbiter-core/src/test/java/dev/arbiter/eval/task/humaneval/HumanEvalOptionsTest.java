package dev.arbiter.eval.task.humaneval;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HumanEvalOptionsTest {
    @Test
    void readsEveryKnownOption() {
        HumanEvalOptions o = HumanEvalOptions.fromOptions(Map.of("mode", "completion", "k", "10,1,10",
                "temperature", "0.8", "max_tokens", "512", "timeout_s", "2.5", "memory_mb", "512",
                "parallelism", "3", "namespaces", "false", "subject", "ignored-by-humaneval"));

        assertThat(o.mode()).isEqualTo(PromptMode.COMPLETION);
        assertThat(o.ks()).containsExactly(1, 10);
        assertThat(o.temperature()).isEqualTo(0.8);
        assertThat(o.maxTokens()).isEqualTo(512);
        assertThat(o.sandbox().timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.sandbox().cpuSeconds()).isEqualTo(3);
        assertThat(o.sandbox().memoryBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(o.sandbox().parallelism()).isEqualTo(3);
        assertThat(o.sandbox().allowNamespaces()).isFalse();
    }

    @Test
    void defaultsToChatPassAt1Greedy() {
        HumanEvalOptions o = HumanEvalOptions.fromOptions(Map.of());

        assertThat(o.mode()).isEqualTo(PromptMode.CHAT);
        assertThat(o.ks()).isEqualTo(List.of(1));
        assertThat(o.temperature()).isZero();
    }

    @Test
    void namesTheOptionWhoseValueIsWrong() {
        assertThatThrownBy(() -> HumanEvalOptions.fromOptions(Map.of("mode", "instruct")))
                .isInstanceOf(InvalidInputException.class).hasMessage("option mode: expected chat or completion, "
                        + "got 'instruct'");
        assertThatThrownBy(() -> HumanEvalOptions.fromOptions(Map.of("k", "1,zero")))
                .hasMessage("option k: expected a whole number >= 1, got 'zero'");
        assertThatThrownBy(() -> HumanEvalOptions.fromOptions(Map.of("timeout_s", "0")))
                .hasMessage("option timeout_s: expected a number > 0, got '0'");
        assertThatThrownBy(() -> HumanEvalOptions.fromOptions(Map.of("memory_mb", "16")))
                .hasMessage("option memory_mb: must be >= 64, got 16");
    }
}
