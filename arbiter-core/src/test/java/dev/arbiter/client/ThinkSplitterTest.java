package dev.arbiter.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThinkSplitterTest {
    @Test
    void leavesTextWithoutThinkTagsAlone() {
        assertThat(ThinkSplitter.split("  The answer is 4.")).isEqualTo(new ThinkSplitter.Split("  The answer is 4.", null));
    }

    @Test
    void movesALeadingThinkBlockToReasoning() {
        assertThat(ThinkSplitter.split("<think>\n2+2 is 4\n</think>\n\nThe answer is 4."))
                .isEqualTo(new ThinkSplitter.Split("The answer is 4.", "2+2 is 4"));
    }

    @Test
    void treatsAnUnterminatedLeadingBlockAsAllReasoning() {
        assertThat(ThinkSplitter.split("\n<think>Let me count: 1, 2, 3"))
                .isEqualTo(new ThinkSplitter.Split("", "Let me count: 1, 2, 3"));
    }

    @Test
    void treatsTextBeforeABareClosingTagAsReasoning() {
        assertThat(ThinkSplitter.split("the prompt opened the block</think>\nB"))
                .isEqualTo(new ThinkSplitter.Split("B", "the prompt opened the block"));
    }

    @Test
    void removesEveryCompleteBlock() {
        assertThat(ThinkSplitter.split("<think>a</think>x <think>b</think>y"))
                .isEqualTo(new ThinkSplitter.Split("x y", "a\nb"));
    }

    @Test
    void keepsAnUnterminatedTagAfterContentAsContent() {
        assertThat(ThinkSplitter.split("Use the <think> tag")).isEqualTo(new ThinkSplitter.Split("Use the <think> tag", null));
    }
}
