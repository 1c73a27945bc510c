package dev.arbiter.eval.task.math;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoxedTest {
    @Test
    void takesTheLastBoxWithNestedBraces() {
        assertThat(Boxed.last("first \\boxed{1} then $\\boxed{\\frac{\\sqrt{3}}{2}}$.")).isEqualTo("\\frac{\\sqrt{3}}{2}");
    }

    @Test
    void readsFboxAndTheSpaceForm() {
        assertThat(Boxed.last("so \\fbox{7}")).isEqualTo("7");
        assertThat(Boxed.last("so $\\boxed 5$ done")).isEqualTo("5");
    }

    @Test
    void keepsEscapedSetBraces() {
        assertThat(Boxed.last("\\boxed{\\{1,2\\}}")).isEqualTo("\\{1,2\\}");
    }

    @Test
    void returnsNullWithoutABoxOrWhenItNeverCloses() {
        assertThat(Boxed.last("the answer is 5")).isNull();
        assertThat(Boxed.last("\\boxed{\\frac{1}{2}")).isNull();
    }
}
