package dev.arbiter.eval.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineBenchTest {
    @Test
    void theBenchmarkRunsEveryAnswerThroughBothPathsAndReportsFigures() throws Exception {
        List<String> lines = EngineBench.run(40, 8, 10);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("engine").contains("c=1").contains("n=10");
        assertThat(lines.get(3)).startsWith("engine").contains("c=8").contains("n=40");
        assertThat(lines.get(4)).startsWith("engine, in-process model").contains("n=40");
        assertThat(lines.get(5)).startsWith("engine overhead per answer");
    }
}
