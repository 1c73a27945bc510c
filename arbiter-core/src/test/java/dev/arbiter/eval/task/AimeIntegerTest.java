package dev.arbiter.eval.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AimeIntegerTest {
    @Test
    void aWholeNumberWrittenWithAFractionOfZerosIsThatNumber() {
        assertThat(AimeTask.integer("33.0")).isEqualTo(33);
        assertThat(AimeTask.integer("\\text{033.00}")).isEqualTo(33);
        assertThat(AimeTask.integer("033")).isEqualTo(33);
        assertThat(AimeTask.integer("33.5")).isNull();
        assertThat(AimeTask.integer("33.")).isNull();
        assertThat(AimeTask.integer(".0")).isNull();
    }
}
