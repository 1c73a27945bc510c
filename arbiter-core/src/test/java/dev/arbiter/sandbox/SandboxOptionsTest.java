package dev.arbiter.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxOptionsTest {
    @Test
    void roundsTheCpuLimitUpToWholeSecondsOfTheTimeout() {
        assertThat(SandboxOptions.defaults().withTimeout(Duration.ofMillis(2500)).cpuSeconds()).isEqualTo(3);
        assertThat(SandboxOptions.defaults().withTimeout(Duration.ofMillis(200)).cpuSeconds()).isEqualTo(1);
    }

    @Test
    void namesTheFieldThatIsOutOfRange() {
        SandboxOptions d = SandboxOptions.defaults();

        assertThatThrownBy(() -> d.withTimeout(Duration.ZERO)).hasMessageContaining("timeout must be > 0");
        assertThatThrownBy(() -> d.withMemoryBytes(1024)).hasMessageContaining("memory_bytes must be at least 64 MiB");
        assertThatThrownBy(() -> d.withParallelism(0)).hasMessageContaining("parallelism must be >= 1");
    }
}
