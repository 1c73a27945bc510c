package dev.arbiter.eval.task.more;

import dev.arbiter.eval.task.GpqaTask;
import dev.arbiter.eval.task.mmlupro.AnswerIsExtractor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference extractions, case by case (TIGER-Lab/MMLU-Pro evaluate_from_api.py; openai/simple-evals common.py). */
class AnswerExtractionTest {
    @ParameterizedTest(name = "mmlu-pro: {0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "Let's think. The answer is (C).|C",
            "The answer is D|D",
            "the answer is (E) and then the answer is (F)|E",
            "The Answer is (B)|B",                       // case-sensitive 'answer is': falls to stage 3, last letter B
            "So.\\nAnswer: G\\nmore text|G",
            "answer: H|H",
            "I pick option J finally|J",
            "It is A or maybe B|B",
            "no letter here|null",
            "The answer is (K)|null",
    })
    void mmluProStages(String text, String expected) {
        assertThat(AnswerIsExtractor.extract(text.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "gpqa: {0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "Reasoning...\\nAnswer: B|B",
            "answer:$C$|C",
            "ANSWER :\tD|D",
            "Answer: A then Answer: B|A",
            "The answer is B|null",
            "Answer: E|null",
            // (?i) lets the letter be lower case too, and simple-evals keeps it so: "d" is not "D"
            "Answer: d|d",
            "answer:$b$|b",
    })
    void gpqaSimpleEvalsPattern(String text, String expected) {
        assertThat(GpqaTask.extract(text.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
