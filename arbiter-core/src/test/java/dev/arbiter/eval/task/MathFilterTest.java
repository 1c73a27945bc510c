package dev.arbiter.eval.task;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MathFilterTest {
    static MathTask.Options math500() {
        return new MathTask.Options(SharedData.path("math500/test.jsonl"), false, null, null);
    }

    @Test
    void subjectAndLevelFiltersKeepOnlyThoseProblems() {
        // MATH-500 SOURCE.md: Number Theory has 62 problems; level 5 has 134 in all.
        Task nt = MathTask.create(math500(), Set.of("Number Theory"), Set.of());
        assertThat(nt.dataset().samples()).hasSize(62);
        Task hard = MathTask.create(math500(), Set.of(), Set.of(5));
        assertThat(hard.dataset().samples()).hasSize(134).allSatisfy((Sample s) -> assertThat(s.metadata().get("level")).isEqualTo(5));
    }

    @Test
    void anUnknownSubjectIsAnInputErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> MathTask.create(math500(), Set.of("astrology"), Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("number_theory");
    }

    @Test
    void aLevelOutsideOneToFiveIsAnInputError() {
        assertThatThrownBy(() -> MathTask.create(math500(), Set.of(), Set.of(9))).isInstanceOf(InvalidInputException.class);
    }
}
