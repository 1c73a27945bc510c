package dev.arbiter.eval.task.more;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.eval.task.ifeval.IfevalText;
import dev.arbiter.eval.task.ifeval.Instructions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every IFEval instruction id, followed and not followed, worked through the reference's check_following
 * (google-research instruction_following_eval/instructions.py; cases in the spirit of its instructions_test.py).
 */
class IfevalInstructionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> COVERED = new HashSet<>();

    static Arguments c(String id, String kwargs, String response, boolean follows) {
        COVERED.add(id);
        return Arguments.of(id, kwargs, response, follows);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("keywords:existence", "{\"keywords\": [\"apple\", \"pie\"]}", "I baked an APPLE pie.", true),
                c("keywords:existence", "{\"keywords\": [\"apple\", \"pie\"]}", "I baked an apple tart.", false),
                c("keywords:frequency", "{\"keyword\": \"cat\", \"frequency\": 2, \"relation\": \"at least\"}", "Cat and cat.", true),
                c("keywords:frequency", "{\"keyword\": \"cat\", \"frequency\": 2, \"relation\": \"less than\"}", "Cat and cat.", false),
                c("keywords:forbidden_words", "{\"forbidden_words\": [\"red\"]}", "A bored reader.", true),
                c("keywords:forbidden_words", "{\"forbidden_words\": [\"red\"]}", "A Red car.", false),
                c("keywords:letter_frequency", "{\"letter\": \"z\", \"let_frequency\": 3, \"let_relation\": \"at least\"}", "Zig zag zoo", true),
                c("keywords:letter_frequency", "{\"letter\": \"z\", \"let_frequency\": 3, \"let_relation\": \"less than\"}", "Zig zag zoo", false),
                c("language:response_language", "{\"language\": \"fr\"}", "Bonjour, je suis très heureux de vous rencontrer aujourd'hui dans cette belle ville de Paris.", true),
                c("language:response_language", "{\"language\": \"fr\"}", "Hello, I am very happy to meet you today in this beautiful city of London.", false),
                c("length_constraints:number_sentences", "{\"num_sentences\": 3, \"relation\": \"less than\"}", "One. Two.", true),
                c("length_constraints:number_sentences", "{\"num_sentences\": 3, \"relation\": \"at least\"}", "One. Two.", false),
                c("length_constraints:number_paragraphs", "{\"num_paragraphs\": 2}", "First part.\n***\nSecond part.", true),
                c("length_constraints:number_paragraphs", "{\"num_paragraphs\": 2}", "First.\n***\n\n***\nThird.", false),
                c("length_constraints:number_words", "{\"num_words\": 5, \"relation\": \"less than\"}", "just four words here", true),
                c("length_constraints:number_words", "{\"num_words\": 5, \"relation\": \"at least\"}", "just four words here", false),
                c("length_constraints:nth_paragraph_first_word", "{\"num_paragraphs\": 2, \"nth_paragraph\": 2, \"first_word\": \"Then\"}", "Intro.\n\n\"Then, more.", true),
                c("length_constraints:nth_paragraph_first_word", "{\"num_paragraphs\": 2, \"nth_paragraph\": 2, \"first_word\": \"then\"}", "Intro.\n\nNext, more.", false),
                c("detectable_content:number_placeholders", "{\"num_placeholders\": 2}", "Dear [name], at [address].", true),
                c("detectable_content:number_placeholders", "{\"num_placeholders\": 2}", "Dear [name].", false),
                c("detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}", "Body.\np.s. see you", true),
                c("detectable_content:postscript", "{\"postscript_marker\": \"P.P.S\"}", "Body.\nP.S. see you", false),
                c("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "* one\n- two", true),
                c("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "* one\n* two\n* three", false),
                c("detectable_format:constrained_response", "{}", "My answer is maybe.", true),
                c("detectable_format:constrained_response", "{}", "Maybe.", false),
                c("detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}", "*one* and **two**", true),
                c("detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}", "*one* and ** **", false),
                c("detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}", "Section 1\na\nSection 2\nb", true),
                c("detectable_format:multiple_sections", "{\"section_spliter\": \"SECTION\", \"num_sections\": 2}", "Section 1\na\nSection 2\nb", false),
                c("detectable_format:json_format", "{}", "```json\n{\"a\": 1}\n```", true),
                c("detectable_format:json_format", "{}", "{\"a\": 1} and more", false),
                c("detectable_format:title", "{}", "<<Ode to Joy>>\nverse", true),
                c("detectable_format:title", "{}", "<< >>\nverse", false),
                c("combination:two_responses", "{}", "First answer.\n******\nSecond answer.", true),
                c("combination:two_responses", "{}", "Same.\n******\nSame.", false),
                c("combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem.\"}", "write a poem. Roses are red.", true),
                c("combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem.\"}", "Sure! Write a poem.", false),
                c("startend:end_checker", "{\"end_phrase\": \"Any other questions?\"}", "Done. Any other questions?\"", true),
                c("startend:end_checker", "{\"end_phrase\": \"Any other questions?\"}", "Any other questions? Bye.", false),
                c("change_case:capital_word_frequency", "{\"capital_frequency\": 2, \"capital_relation\": \"at least\"}", "THIS is VERY well-known", true),
                c("change_case:capital_word_frequency", "{\"capital_frequency\": 2, \"capital_relation\": \"less than\"}", "THIS is VERY loud", false),
                c("change_case:english_capital", "{}", "THIS IS A LOUD ANSWER WRITTEN ENTIRELY IN CAPITAL LETTERS FOR THE READER.", true),
                c("change_case:english_capital", "{}", "THIS IS A LOUD ANSWER with a quiet end.", false),
                c("change_case:english_lowercase", "{}", "this is a quiet answer written entirely in small letters for the reader.", true),
                c("change_case:english_lowercase", "{}", "this is a quiet answer With one capital.", false),
                c("punctuation:no_comma", "{}", "No commas here.", true),
                c("punctuation:no_comma", "{}", "Yes, one.", false),
                c("startend:quotation", "{}", "  \"wrapped\"  ", true),
                c("startend:quotation", "{}", "\"", false));
    }

    @ParameterizedTest(name = "{0} {1} on {2} → {3}")
    @MethodSource("cases")
    void followsAsTheReferenceDefines(String id, String kwargs, String response, boolean follows) throws Exception {
        JsonNode k = JSON.readTree(kwargs);
        assertThat(Instructions.of(id, k).follows(response)).isEqualTo(follows);
    }

    /**
     * English answers written in capitals, each "en" to Python's langdetect in 30 of 30 runs (keys 1132 and 1021 are the
     * first two's prompts); Arbiter's detector read them as "de" or "so" until it was given the case-folded text.
     */
    static Stream<String> englishInCapitals() {
        return Stream.of(
                "WE WILL ROCK YOU TONIGHT, AND THE WHOLE STADIUM WILL SING ALONG WITH US UNTIL THE LIGHTS GO DOWN.",
                "PARAGRAPH 1\nTHE STATEMENT IS DANGEROUS BECAUSE IT TELLS PEOPLE TO IGNORE THE ADVICE OF THEIR DOCTORS.\n\n"
                        + "PARAGRAPH 2\nIT SHOULD BE REMOVED FROM THE WEBSITE AT ONCE.",
                "THE GERMAN CAR INDUSTRY IS FACING A DIFFICULT DECADE.",
                "THE KING WALKED INTO THE GARDEN AND SAW THE FLOWERS IN BLOOM.",
                "MY ANSWER IS YES. THE WEATHER WILL BE WARM AND SUNNY TOMORROW.",
                "TITLE: WHY SLEEP MATTERS\nSLEEP HELPS THE BRAIN STORE MEMORIES AND CLEAN OUT WASTE.");
    }

    @ParameterizedTest
    @MethodSource("englishInCapitals")
    void anEnglishAnswerInCapitalsFollowsEnglishCapital(String response) {
        assertThat(Instructions.of("change_case:english_capital", JSON.createObjectNode()).follows(response)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("englishInCapitals")
    void anEnglishAnswerInCapitalsIsInEnglish(String response) {
        assertThat(Instructions.of("language:response_language", JSON.createObjectNode().put("language", "en")).follows(response)).isTrue();
    }

    @Test
    void everyInstructionIdHasACase() {
        cases().count(); // fills COVERED
        assertThat(COVERED).containsExactlyInAnyOrderElementsOf(Instructions.IDS);
        assertThat(Instructions.IDS).hasSize(25);
    }

    @Test
    void aMissingKwargOrUnknownRelationNamesTheInstruction() throws Exception {
        assertThatThrownBy(() -> Instructions.of("keywords:frequency", JSON.readTree("{\"keyword\": \"a\", \"relation\": \"at least\"}")))
                .hasMessageContaining("keywords:frequency").hasMessageContaining("'frequency'");
        assertThatThrownBy(() -> Instructions.of("length_constraints:number_words", JSON.readTree("{\"num_words\": 3, \"relation\": \"at most\"}")))
                .hasMessageContaining("'less than' or 'at least'");
        assertThatThrownBy(() -> Instructions.of("keywords:nonsense", JSON.readTree("{}"))).hasMessageContaining("unknown IFEval instruction");
    }

    @Test
    void sentenceSplittingKeepsAbbreviationsAndDecimals() {
        assertThat(IfevalText.sentences("Dr. Smith paid 3.5 dollars. He left! Did he?")).containsExactly("Dr. Smith paid 3.5 dollars.", "He left!", "Did he?");
        assertThat(IfevalText.countWords("well-known, isn't it")).isEqualTo(5);
    }
}
