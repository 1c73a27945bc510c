package dev.arbiter.eval.task.mmlu;

import dev.arbiter.eval.scorer.ChoiceExtractor;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The option letter a free-text answer chose: first an answer stated with a non-English cue of the MMLU templates
 * ("Réponse : C", "La réponse est C", "Antwort: B"; the last one wins), then the shared {@link ChoiceExtractor}
 * (English cues, \boxed{}, marked and leading letters, option text). Null when neither finds a letter.
 */
public final class LetterExtractor {
    private static final Pattern FOREIGN_STATED = Pattern.compile(
            "(?iu:réponse|respuesta|antwort|risposta|resposta)(?:\\s+(?iu:est|es|ist|è|é))?\\s*(?:\\*\\*)?\\s*[:：]?\\s*(?:\\*\\*)?\\s*"
                    + "[(\\[]?([A-Z])[)\\]]?(?![\\p{L}\\p{N}])");

    private LetterExtractor() {}

    public static String extract(String text, List<String> choices) {
        if (text == null) return null;
        String last = null;
        Matcher m = FOREIGN_STATED.matcher(text);
        while (m.find()) {
            if (m.group(1).charAt(0) - 'A' < choices.size()) last = m.group(1);
        }
        if (last != null) return last;
        OptionalInt i = ChoiceExtractor.extract(text, choices.size(), choices);
        return i.isPresent() ? String.valueOf((char) ('A' + i.getAsInt())) : null;
    }
}
