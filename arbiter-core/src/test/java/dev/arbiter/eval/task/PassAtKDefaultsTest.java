package dev.arbiter.eval.task;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PassAtKDefaultsTest {
    @Test
    void epochsWithoutKGivePassAtOneTenAndN() {
        assertThat(StandardTasks.withDefaultKs(Map.of("epochs", "20")).get("k")).isEqualTo("1,10,20");
        assertThat(StandardTasks.withDefaultKs(Map.of("epochs", "5")).get("k")).isEqualTo("1,5");
        assertThat(StandardTasks.withDefaultKs(Map.of("epochs", "1")).get("k")).isEqualTo("1");
    }

    @Test
    void anExplicitKIsKept() {
        assertThat(StandardTasks.withDefaultKs(Map.of("epochs", "20", "k", "1")).get("k")).isEqualTo("1");
    }
}
