package dev.arbiter.recommend;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.Model;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class UseCasesTest {

    @Test
    void weightsKeepTheOrderOfTheDataFileSoReasonsAreListedTheSameOnEveryRun() {
        // scoring/usecases.yaml: chatbot weights {conversation, knowledge, efficiency, math, code}.
        assertThat(UseCases.bundled().get("chatbot").weights().keySet())
                .containsExactly("conversation", "knowledge", "efficiency", "math", "code");
    }

    @Test
    void everyTagAUseCaseRequiresOrExcludesIsCarriedByAtLeastOneCatalogueModel() {
        // A tag no model carries is a rule that never applies: math-only excluded nothing until the Qwen2.5-Math
        // models carried it, and a typo'd tag would fail the same way, silently.
        Catalog catalog = new CatalogLoader().bundled();
        Set<String> carried = catalog.models().stream().flatMap(m -> m.tags().stream()).collect(Collectors.toSet());
        for (UseCase uc : UseCases.bundled().all()) {
            List<String> named = Stream.of(uc.requireTags(), uc.requireAnyTags(), uc.excludeTags()).flatMap(List::stream).toList();
            assertThat(carried).as("tags named by use case " + uc.id()).containsAll(named);
        }
    }

    @Test
    void theQwenMathModelsWhoseVendorAdvisesAgainstOtherTasksAreLeftOutOfTheGeneralUseCases() {
        Catalog catalog = new CatalogLoader().bundled();
        List<Model> math = Stream.of("qwen2.5-math-1.5b", "qwen2.5-math-7b", "qwen2.5-math-72b").map(catalog::get).toList();
        assertThat(math).allSatisfy(m -> assertThat(m.tags()).contains("math-only").doesNotContain("chat", "edge"));
        for (String general : List.of("chatbot", "code", "rag", "french", "edge")) {
            assertThat(UseCases.bundled().get(general).excludeTags()).as(general).contains("math-only");
        }
        // the math use case keeps them, and its default context is one they hold (config.json: 4,096 positions)
        UseCase uc = UseCases.bundled().get("math");
        assertThat(uc.excludeTags()).doesNotContain("math-only");
        assertThat(math).allSatisfy(m -> assertThat(m.contextLength()).isGreaterThanOrEqualTo(uc.defaultContext()));
    }
}
