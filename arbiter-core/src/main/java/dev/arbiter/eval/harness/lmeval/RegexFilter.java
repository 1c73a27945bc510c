package dev.arbiter.eval.harness.lmeval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lm-eval's {@code regex} filter ({@code lm_eval/filters/extraction.py} {@code RegexFilter}, EleutherAI/lm-evaluation-harness
 * 4e7e0d47): Python {@code re.findall}, the {@code group_select}-th match (negative counts from the end), a match with
 * several groups reduced to its first non-empty group, stripped; {@code fallback} when nothing matches. Patterns are
 * compiled with {@link Pattern#UNIX_LINES} so that {@code .} and {@code $} treat only {@code \n} as a line end, as
 * Python's {@code re} does.
 */
public record RegexFilter(String pattern, int groupSelect, String fallback) {
    public static final String INVALID = "[invalid]";

    public RegexFilter {
        if (pattern == null) throw new IllegalArgumentException("pattern is required");
        Pattern.compile(pattern);
        if (fallback == null) fallback = INVALID;
    }

    public static RegexFilter of(String pattern) { return new RegexFilter(pattern, 0, INVALID); }

    public String apply(String response) {
        List<Object> matches = findall(Pattern.compile(pattern, Pattern.UNIX_LINES), response == null ? "" : response);
        if (matches.isEmpty()) return fallback;
        int i = groupSelect < 0 ? matches.size() + groupSelect : groupSelect;
        if (i < 0 || i >= matches.size()) throw new IndexOutOfBoundsException("group_select " + groupSelect + " of " + matches.size() + " matches");
        Object m = matches.get(i);
        if (m instanceof List<?> groups) {
            for (Object g : groups) {
                if (!((String) g).isEmpty()) return ((String) g).strip();
            }
            return fallback;
        }
        return ((String) m).strip();
    }

    /** Python's {@code re.findall}: whole matches without groups, the group with one, a list of groups with more (unmatched → ""). */
    static List<Object> findall(Pattern p, String text) {
        List<Object> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            int n = m.groupCount();
            if (n == 0) out.add(m.group());
            else if (n == 1) out.add(m.group(1) == null ? "" : m.group(1));
            else {
                List<String> groups = new ArrayList<>();
                for (int g = 1; g <= n; g++) groups.add(m.group(g) == null ? "" : m.group(g));
                out.add(groups);
            }
        }
        return out;
    }
}
