package dev.arbiter.eval.harness.lmeval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * lm-eval's {@code multi_choice_regex} filter ({@code lm_eval/filters/extraction.py} {@code MultiChoiceRegexFilter},
 * EleutherAI/lm-evaluation-harness 4e7e0d47): the task's regex; else an option's text found in the (cleaned) reply,
 * mapped to {@code (A)}…; else the bare-letter fallback {@code :\s*(A|B|…)} (as in {@code ": B"}), mapped to
 * {@code (B)}; else {@code [invalid]}. Each step takes its first match.
 */
public record MultiChoiceRegexFilter(String pattern, int groupSelect, boolean ignoreCase, boolean ignorePunctuation,
                                     List<String> regexesToIgnore) {
    public MultiChoiceRegexFilter {
        regexesToIgnore = regexesToIgnore == null ? List.of() : List.copyOf(regexesToIgnore);
    }

    public String apply(String response, List<String> choices) {
        String resp = response == null ? "" : response;
        String match = find(Pattern.compile(pattern, Pattern.UNIX_LINES), resp, Map.of());
        if (match.isEmpty()) {
            Map<String, String> choiceToAlpha = new LinkedHashMap<>();
            Map<String, String> letterToTarget = new LinkedHashMap<>();
            List<String> alternatives = new ArrayList<>();
            List<String> letters = new ArrayList<>();
            char next = 'A';
            for (String c : choices) {
                String m = ignores(c.strip());
                alternatives.add(Pattern.quote(m));
                choiceToAlpha.put(m, "(" + next + ")");
                letters.add(String.valueOf(next));
                letterToTarget.put(String.valueOf(next), "(" + next + ")");
                next++;
            }
            match = find(Pattern.compile(String.join("|", alternatives), Pattern.UNIX_LINES), ignores(resp), choiceToAlpha);
            if (match.isEmpty()) {
                match = find(Pattern.compile(":[\\s]*(" + String.join("|", letters) + ")", Pattern.UNIX_LINES), resp, letterToTarget);
            }
        }
        return match.isEmpty() ? RegexFilter.INVALID : match;
    }

    /** lm-eval's inner {@code find_match}: "" when nothing (or only empty groups) matched. */
    private String find(Pattern p, String resp, Map<String, String> convert) {
        List<Object> matches = RegexFilter.findall(p, resp);
        if (matches.isEmpty()) return "";
        int i = groupSelect < 0 ? matches.size() + groupSelect : groupSelect;
        Object m = matches.get(i);
        String s;
        if (m instanceof List<?> groups) {
            s = "";
            for (Object g : groups) {
                if (!((String) g).isEmpty()) {
                    s = (String) g;
                    break;
                }
            }
            if (s.isEmpty()) return "";
        } else {
            s = (String) m;
        }
        s = s.strip();
        return !s.isEmpty() && convert.containsKey(s) ? convert.get(s) : s;
    }

    /** {@code filter_ignores}: regexes removed, then lower case, then Unicode punctuation (category P*) removed. */
    private String ignores(String st) {
        String t = st;
        for (String r : regexesToIgnore) t = Pattern.compile(r, Pattern.UNIX_LINES).matcher(t).replaceAll("");
        if (ignoreCase) t = t.toLowerCase(Locale.ROOT);
        if (ignorePunctuation) t = t.replaceAll("\\p{P}", "");
        return t;
    }
}
