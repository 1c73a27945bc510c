package dev.arbiter.eval.task.mmlu;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * openai/simple-evals' multiple-choice prompt and answer extraction (commit ee3b0318d8d1d9d72755a4120879be65f7c07e9e,
 * {@code common.py}: {@code QUERY_TEMPLATE_MULTICHOICE}, {@code normalize_response}, {@code MULTILINGUAL_ANSWER_REGEXES}
 * in order, each inside {@code MULTILINGUAL_ANSWER_PATTERN_TEMPLATE}, the first that matches wins,
 * {@code normalize_extracted_answer}). The strings are simple-evals' own, generated from its source. Patterns are
 * compiled Unicode-aware, as Python's {@code re} treats {@code str} patterns.
 */
public final class SimpleEvalsMultichoice {
    /** {@code QUERY_TEMPLATE_MULTICHOICE}, with {Question}, {A}..{D} to fill. */
    public static final String QUERY_TEMPLATE = "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.\n\n{Question}\n\nA) {A}\nB) {B}\nC) {C}\nD) {D}";

    static final List<String> ANSWER_REGEXES = List.of(
            "Answer\\s*:",
            "Answer\\s*:\u200b\u200b\u200b\u200b\u200b\u200b",
            "উত্তর\\s*:",
            "उत्तर\\s*:",
            "উত্তরঃ",
            "উত্তর\\s*:",
            "Antwort\\s*:",
            "답변\\s*:",
            "정답\\s*:",
            "답\\s*:",
            "答案\\s*：",
            "答案\\s*:",
            "答\\s*：",
            "答\\s*:",
            "答复\\s*：",
            "答曰\\s*：",
            "الإجابة:",
            "الجواب:",
            "إجابة:",
            "الإجابة النهائية:",
            "الإجابة الصحيحة:",
            "الإجابة الصحيحة هي:",
            "الإجابة هي:",
            "الجواب النهائي:",
            "Respuesta\\s*:",
            "Risposta\\s*:",
            "答え\\s*:",
            "答え\\s*：",
            "回答\\s*:",
            "回答\\s*：",
            "解答\\s*:",
            "Jawaban\\s*:",
            "Réponse\\s*:",
            "Resposta\\s*:",
            "Jibu\\s*:",
            "Idahun\\s*:",
            "Ìdáhùn\\s*:",
            "Idáhùn\\s*:",
            "Àmọ̀nà\\s*:",
            "Àdáhùn\\s*:",
            "Ànúgọ\\s*:",
            "Àṣàyàn\\s*:");
    private static final String PATTERN_TEMPLATE = "(?i){}[ \t]*([A-D]|[أ-د]|[অ]|[ব]|[ড]|[ঢ]|[Ａ]|[Ｂ]|[Ｃ]|[Ｄ])";
    private static final List<Pattern> PATTERNS = ANSWER_REGEXES.stream()
            .map(r -> Pattern.compile(PATTERN_TEMPLATE.replace("{}", r), Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS))
            .toList();

    private SimpleEvalsMultichoice() {}

    /** {@code format_multichoice_question}. */
    public static String prompt(String question, List<String> choices) {
        return QUERY_TEMPLATE.replace("{Question}", question).replace("{A}", choices.get(0)).replace("{B}", choices.get(1))
                .replace("{C}", choices.get(2)).replace("{D}", choices.get(3));
    }

    /** The extracted letter, or null (simple-evals scores that 0). */
    public static String extract(String response) {
        String text = normalizeResponse(response == null ? "" : response);
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            if (m.find()) return normalizeExtracted(m.group(1));
        }
        return null;
    }

    static String normalizeResponse(String r) {
        return r.replace("**", "").replace("$\\boxed{", "").replace("}$", "").replace("\\$", "").replace("$\\text{", "")
                .replace("$", "").replace("\\mathrm{", "").replace("\\{", "").replace("\\text", "").replace("\\(", "")
                .replace("\\mathbf{", "").replace("{", "").replace("\\boxed", "");
    }

    static String normalizeExtracted(String a) {
        return a.replace("\u0623", " A").replace("\u0628", " B").replace("\u062c", " C").replace("\u062f", " D")
                .replace("\u0985", " A").replace("\u09ac", " B").replace("\u09a1", " C").replace("\u09a2", " D")
                .replace("\uff21", " A").replace("\uff22", " B").replace("\uff23", " C").replace("\uff24", " D").strip();
    }
}
