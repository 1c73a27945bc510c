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
    void promptGuardReadsTheMaliciousClassProbability() {
        GuardVerdict v = PromptGuard.parse("{\"data\":[{\"index\":0,\"label\":\"LABEL_1\",\"probs\":[0.1,0.9],\"num_classes\":2}]}", 0.5);
        assertThat(v.flagged()).isTrue();
        assertThat(v.pUnsafe()).isEqualTo(0.9);
        assertThat(PromptGuard.parse("{\"data\":[{\"label\":\"BENIGN\"}]}", 0.5).flagged()).isFalse();
        assertThat(PromptGuard.parse("not json", 0.5).flagged()).isNull();
    }
}
