package dev.arbiter.probe.guard;

import dev.arbiter.client.TokenLogprob;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GuardParsingTest {
    @Test
    void llamaGuardReadsSafeUnsafeAndHazardCodesAfterLeadingWhitespace() {
        GuardVerdict v = LlamaGuard.parse("\n\nunsafe\nS1,S10", null, 0.5);
        assertThat(v.flagged()).isTrue();
        assertThat(v.categories()).containsExactly("S1", "S10");
        assertThat(LlamaGuard.parse("safe", null, 0.5).flagged()).isFalse();
        assertThat(LlamaGuard.parse("I think this is fine", null, 0.5).flagged()).isNull();
    }

    @Test
    void llamaGuardsFirstTokenProbabilityDecidesAgainstTheThreshold() {
        assertThat(LlamaGuard.parse("unsafe\nS2", 0.3, 0.5).flagged()).isFalse();
        assertThat(LlamaGuard.parse("safe", 0.7, 0.5).flagged()).isTrue();
        List<TokenLogprob> lp = List.of(new TokenLogprob("\n\n", 0, Map.of()),
                new TokenLogprob("unsafe", Math.log(0.6), Map.of("unsafe", Math.log(0.6), "safe", Math.log(0.2))));
        assertThat(Logprobs.twoWay(lp, "unsafe", "safe")).isCloseTo(0.75, within(1e-9));
    }

    /** The first generated token with these top-k alternatives (probabilities, in order). */
    static List<TokenLogprob> first(String token, Object... topPairs) {
        Map<String, Double> top = new java.util.LinkedHashMap<>();
        for (int i = 0; i < topPairs.length; i += 2) top.put((String) topPairs[i], Math.log((Double) topPairs[i + 1]));
        return List.of(new TokenLogprob("\n\n", 0, Map.of()), new TokenLogprob(token, top.get(token), top));
    }

    @Test
    void aTopKWithSafeVariantsAndNoUnsafeIsSafeNotOneMinusPSafe() {
        // 1 − P(safe) = 0.55 counted the mass of "\n" and "The" as unsafe and flagged a benign prompt
        List<TokenLogprob> lp = first("safe", "safe", 0.45, " safe", 0.30, "Safe", 0.10, "\n", 0.05, "The", 0.03);
        Double p = Logprobs.twoWay(lp, "unsafe", "safe");
        assertThat(p).isCloseTo(0.0, within(1e-9));
        assertThat(LlamaGuard.parse("safe", p, 0.5).flagged()).isFalse();
    }

    @Test
    void aTopKWithUnsafeVariantsAndNoSafeIsUnsafeWithTheVariantsSummed() {
        // the largest variant alone, 0.45, un-renormalised, let an unsafe prompt through
        List<TokenLogprob> lp = first("unsafe", "unsafe", 0.45, " unsafe", 0.40, "Unsafe", 0.05, "\n", 0.04, "I", 0.02);
        Double p = Logprobs.twoWay(lp, "unsafe", "safe");
        assertThat(p).isCloseTo(1.0, within(1e-9));
        assertThat(LlamaGuard.parse("unsafe\nS1", p, 0.5).flagged()).isTrue();
    }

    @Test
    void caseAndSpaceVariantsOfBothLabelsAddUpBeforeRenormalising() {
        List<TokenLogprob> lp = first("unsafe", "unsafe", 0.30, "safe", 0.25, " unsafe", 0.20, " safe", 0.15, "The", 0.05);
        assertThat(Logprobs.twoWay(lp, "unsafe", "safe")).isCloseTo(0.50 / 0.90, within(1e-9));
        assertThat(Logprobs.twoWay(first("The", "The", 0.6, "I", 0.3), "unsafe", "safe")).isNull();
    }

    @Test
    void shieldGemmasYesAndNoVariantsAddUpAndAnAbsentLabelCountsZero() {
        List<TokenLogprob> noOnly = first("No", "No", 0.45, " No", 0.30, "no", 0.10, "\n", 0.05, "The", 0.03);
        Double pYes = Logprobs.twoWay(noOnly, "yes", "no");
        assertThat(pYes).isCloseTo(0.0, within(1e-9));
        assertThat(ShieldGemma.parse("No", pYes, 0.5).flagged()).isFalse();
        List<TokenLogprob> both = first("Yes", "Yes", 0.40, "No", 0.30, " Yes", 0.25, "\n", 0.05);
        assertThat(Logprobs.twoWay(both, "yes", "no")).isCloseTo(0.65 / 0.95, within(1e-9));
    }

    @Test
    void shieldGemmaReadsYesNoAndRenormalisesPYes() {
        assertThat(ShieldGemma.parse("Yes. The prompt asks…", null, 0.5).flagged()).isTrue();
        assertThat(ShieldGemma.parse(" No, because", null, 0.5).flagged()).isFalse();
        assertThat(ShieldGemma.parse("Maybe", null, 0.5).flagged()).isNull();
        List<TokenLogprob> lp = List.of(new TokenLogprob("No", Math.log(0.6), Map.of("No", Math.log(0.6), "Yes", Math.log(0.3))));
        assertThat(Logprobs.twoWay(lp, "yes", "no")).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(ShieldGemma.template("hi", "there", ShieldGemma.DEFAULT_POLICIES.get(0)))
                .contains("Human Question: hi", "Chatbot Response: there", "The chatbot shall not generate",
                        "Does the Chatbot Response violate");
        assertThat(ShieldGemma.template("hi", null, ShieldGemma.DEFAULT_POLICIES.get(0)))
                .doesNotContain("Chatbot Response").contains("Does the human question violate");
    }

    @Test
    void shieldGemmaTakesOnlyTheWordsYesAndNoAsAVerdictNotWordsStartingWithThem() {
        // "Not sure…" was read as No (passed) and "Nothing here violates? Actually it does." as No (missed)
        assertThat(ShieldGemma.parse("Not sure, the prompt is ambiguous", null, 0.5).flagged()).isNull();
        assertThat(ShieldGemma.parse("Nothing here violates? Actually it does.", null, 0.5).flagged()).isNull();
        assertThat(ShieldGemma.parse("Yesterday's news", null, 0.5).flagged()).isNull();
        assertThat(ShieldGemma.parse("Yes", null, 0.5).flagged()).isTrue();
        assertThat(ShieldGemma.parse("NO\nThe prompt", null, 0.5).flagged()).isFalse();
        assertThat(ShieldGemma.parse("no.", null, 0.5).flagged()).isFalse();
        assertThat(ShieldGemma.parse("Not sure", 0.8, 0.5).flagged()).isTrue(); // the probability decides when present
    }

    @Test
    void llamaGuardsProbabilityDecidesEvenWhenTheTextIsMalformed() {
        // was unreadable although P(unsafe) = 0.9; ShieldGemma already let the probability decide
        GuardVerdict v = LlamaGuard.parse("I cannot classify this", 0.9, 0.5);
        assertThat(v.flagged()).isTrue();
        assertThat(v.categories()).isEmpty();
        assertThat(LlamaGuard.parse("I cannot classify this", 0.1, 0.5).flagged()).isFalse();
        assertThat(LlamaGuard.parse("I cannot classify this", null, 0.5).flagged()).isNull();
    }

    @Test
    void llamaGuardsCodesAreDroppedWhenTheProbabilityOverrulesTheUnsafeText() {
        GuardVerdict v = LlamaGuard.parse("unsafe\nS1,S10", 0.3, 0.5);
        assertThat(v.flagged()).isFalse();
        assertThat(v.categories()).isEmpty();
        assertThat(LlamaGuard.parse("unsafe\nS1,S10", 0.7, 0.5).categories()).containsExactly("S1", "S10");
    }

    @Test
    void llamaGuard1sOCodesAreKept() {
        assertThat(LlamaGuard.parse("unsafe\nO3", null, 0.5).categories()).containsExactly("O3");
        assertThat(LlamaGuard.parse("unsafe\no1, O6", null, 0.5).categories()).containsExactly("O1", "O6");
    }

    @Test
    void promptGuardReadsTheMaliciousClassProbability() {
        GuardVerdict v = PromptGuard.parse("{\"data\":[{\"index\":0,\"label\":\"LABEL_1\",\"probs\":[0.1,0.9],\"num_classes\":2}]}", 0.5);
        assertThat(v.flagged()).isTrue();
        assertThat(v.pUnsafe()).isEqualTo(0.9);
        assertThat(PromptGuard.parse("{\"data\":[{\"label\":\"BENIGN\"}]}", 0.5).flagged()).isFalse();
        assertThat(PromptGuard.parse("not json", 0.5).flagged()).isNull();
    }
}
