package dev.arbiter.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCountTest {
    final TokenCount c = new TokenCount();

    @Test
    void acceptsPlainNumbersAndBinaryKAndMSuffixes() {
        assertThat(c.convert("32768")).isEqualTo(32768L);
        assertThat(c.convert("32k")).isEqualTo(32768L);
        assertThat(c.convert("128K")).isEqualTo(131072L);
        assertThat(c.convert("1m")).isEqualTo(1_048_576L);
        assertThat(c.convert("-5")).isEqualTo(-5L);
    }

    @Test
    void rejectsAnythingElseWithAnExample() {
        assertThatThrownBy(() -> c.convert("32q")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("32k");
    }

    @Test
    void fitTakesASuffixedContextFromTheCommandLine() {
        CliRun r = CliRun.of("fit", "qwen2.5-7b", "--context", "32k", "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.json().get("context").asLong()).isEqualTo(32768L);
    }
}
