package dev.arbiter.eval.task.ifeval;

import dev.arbiter.eval.scorer.PythonText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text helpers as IFEval's instructions_util.py defines them (google-research/instruction_following_eval, copied into
 * lm-evaluation-harness lm_eval/tasks/ifeval at 0d2cf3b): the regex sentence splitter, word counting with
 * {@code \w+}, and Python's {@code str.isupper}/{@code islower}. Two deliberate differences, both documented in the
 * README: sentence counting uses the regex splitter where the reference uses NLTK's trained Punkt model, and
 * capital-word counting tokenises with a regex where the reference uses NLTK's Treebank tokenizer.
 */
public final class IfevalText {
    private static final String ALPHABETS = "([A-Za-z])";
    private static final String PREFIXES = "(Mr|St|Mrs|Ms|Dr)[.]";
    private static final String SUFFIXES = "(Inc|Ltd|Jr|Sr|Co)";
    private static final String STARTERS = "(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\\s|She\\s|It\\s|They\\s|Their\\s|Our\\s|We\\s|But\\s|However\\s|That\\s|This\\s|Wherever)";
    private static final String ACRONYMS = "([A-Z][.][A-Z][.](?:[A-Z][.])?)";
    private static final String WEBSITES = "[.](com|net|org|io|gov|edu|me)";
    private static final String DIGITS = "([0-9])";
    private static final Pattern MULTIPLE_DOTS = Pattern.compile("\\.{2,}");
    /** count_words' {@code \w+} as Python reads it: combining marks split words ("हिन्दी भाषा" is 5). */
    private static final Pattern WORD = Pattern.compile(PythonText.WORD_CLASS + "+");
    /** Words (hyphens and apostrophes inside them kept, as Treebank keeps "well-known") and single punctuation marks. */
    private static final Pattern TOKEN = Pattern.compile("\\w+(?:[-'’]\\w+)*|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);

    private IfevalText() {}

    public static List<String> sentences(String input) {
        String text = " " + input + "  ";
        text = text.replace("\n", " ");
        text = text.replaceAll(PREFIXES, "$1<prd>");
        text = text.replaceAll(WEBSITES, "<prd>$1");
        text = text.replaceAll(DIGITS + "[.]" + DIGITS, "$1<prd>$2");
        Matcher m = MULTIPLE_DOTS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement("<prd>".repeat(m.group().length()) + "<stop>"));
        m.appendTail(sb);
        text = sb.toString();
        if (text.contains("Ph.D")) text = text.replace("Ph.D.", "Ph<prd>D<prd>");
        text = text.replaceAll("\\s" + ALPHABETS + "[.] ", " $1<prd> ");
        text = text.replaceAll(ACRONYMS + " " + STARTERS, "$1<stop> $2");
        text = text.replaceAll(ALPHABETS + "[.]" + ALPHABETS + "[.]" + ALPHABETS + "[.]", "$1<prd>$2<prd>$3<prd>");
        text = text.replaceAll(ALPHABETS + "[.]" + ALPHABETS + "[.]", "$1<prd>$2<prd>");
        text = text.replaceAll(" " + SUFFIXES + "[.] " + STARTERS, " $1<stop> $2");
        text = text.replaceAll(" " + SUFFIXES + "[.]", " $1<prd>");
        text = text.replaceAll(" " + ALPHABETS + "[.]", " $1<prd>");
        text = text.replace(".\u201d", "\u201d.").replace(".\"", "\".").replace("!\"", "\"!").replace("?\"", "\"?");
        text = text.replace(".", ".<stop>").replace("?", "?<stop>").replace("!", "!<stop>").replace("<prd>", ".");
        List<String> out = new ArrayList<>();
        for (String s : text.split("<stop>", -1)) out.add(s.strip());
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    public static int countWords(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    public static int countSentences(String text) {
        int n = 0;
        for (String s : sentences(text)) if (!s.isEmpty()) n++;
        return n;
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Python's str.isupper(): at least one cased character, and no lower-case one. */
    public static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) return false;
            if (Character.isUpperCase(c)) cased = true;
            i += Character.charCount(c);
        }
        return cased;
    }

    /** Python's str.islower(): at least one cased character, and no upper- or title-case one. */
    public static boolean isLower(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) return false;
            if (Character.isLowerCase(c)) cased = true;
            i += Character.charCount(c);
        }
        return cased;
    }
}
