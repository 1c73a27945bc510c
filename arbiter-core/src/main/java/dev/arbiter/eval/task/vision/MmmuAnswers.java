package dev.arbiter.eval.task.vision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MMMU's answer parsing and matching, re-implemented from the definitions in the MMMU authors' evaluation code
 * (MMMU-Benchmark/MMMU {@code mmmu/utils/eval_utils.py}: {@code parse_multi_choice_response},
 * {@code parse_open_response}, {@code eval_open}), so a score here is the score their script gives:
 * <ul>
 *   <li>Multiple choice: a bracketed letter {@code (B)} wins over a bare {@code B} between spaces; failing both, an
 *   answer of more than five words is searched for the options' texts; when several candidates are found the one
 *   occurring last counts. With no candidate at all the authors pick a letter at random — here a random letter seeded
 *   by the sample id, so a rerun grades the same way (reported as {@code random_pick}).</li>
 *   <li>Open: the answer's lines are cut after the last key phrase ("is ", "so ", "therefore ", "answer ", …, and
 *   "=" on the last line), numbers are pulled out of those tails, numbers are rounded to 2 decimals (Python's round:
 *   half to even on the exact binary value), other text is lower-cased; gold matches when a number equals a predicted
 *   number, or a text gold is contained in a predicted text (a one-character gold needs a space beside it).</li>
 * </ul>
 */
final class MmmuAnswers {
    /** Leading/trailing characters stripped from a multiple-choice answer, one kind after another, in this order. */
    private static final char[] MC_STRIP = {',', '.', '!', '?', ';', ':', '\''};
    private static final List<String> KEY_PHRASES = List.of("could be ", "so ", "is ", "thus ", "therefore ", "final ", "answer ", "result ");
    private static final Set<String> TRIVIAL = Set.of(":", ",", ".", "!", "?", ";", "'");
    private static final Pattern WITH_COMMAS = Pattern.compile("-?\\b\\d{1,3}(?:,\\d{3})+\\b");
    private static final Pattern SCIENTIFIC = Pattern.compile("-?\\d+(?:\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern SIMPLE = Pattern.compile("-?(?:\\d+\\.\\d+|\\.\\d+|\\d+\\b)(?![eE][+-]?\\d+)(?![,\\d])");
    /** What Python's float() accepts once surrounding space is gone (underscores only between digits). */
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?");
    private static final Pattern PY_SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private MmmuAnswers() {}

    /** What a multiple-choice answer picked. */
    record Choice(String letter, boolean random) {}

    /**
     * The letter {@code response} picks among {@code options} (A, B, … in order).
     *
     * @param sampleId seeds the random pick when nothing in the answer points at an option
     */
    static Choice multipleChoice(String response, List<String> options, String sampleId) {
        String r = response == null ? "" : response;
        for (char c : MC_STRIP) r = strip(r, c);
        r = " " + r + " ";
        List<String> letters = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) letters.add(String.valueOf((char) ('A' + i)));
        List<String> found = new ArrayList<>();
        boolean bracketed = false;
        boolean byLetter = true;
        for (String l : letters) {
            if (r.contains("(" + l + ")")) {
                found.add(l);
                bracketed = true;
            }
        }
        if (found.isEmpty()) for (String l : letters) if (r.contains(" " + l + " ")) found.add(l);
        String lower = r.toLowerCase(Locale.ROOT);
        if (found.isEmpty() && words(r) > 5) {
            for (int i = 0; i < options.size(); i++) {
                if (lower.contains(options.get(i).toLowerCase(Locale.ROOT))) {
                    found.add(letters.get(i));
                    byLetter = false;
                }
            }
        }
        if (found.isEmpty()) {
            if (letters.isEmpty()) return new Choice(null, true);
            SplittableRandom rnd = new SplittableRandom(sampleId == null ? 0 : sampleId.hashCode());
            return new Choice(letters.get(rnd.nextInt(letters.size())), true);
        }
        if (found.size() == 1) return new Choice(found.get(0), false);
        String best = null;
        int at = Integer.MIN_VALUE;
        for (String l : found) {
            int i = !byLetter ? lower.lastIndexOf(options.get(l.charAt(0) - 'A').toLowerCase(Locale.ROOT))
                    : bracketed ? r.lastIndexOf("(" + l + ")") : r.lastIndexOf(" " + l + " ");
            if (i > at) {  // strictly greater: the first of equal positions wins, as numpy's argmax does
                at = i;
                best = l;
            }
        }
        return new Choice(best, false);
    }

    /** Whitespace-separated words, as Python's {@code str.split()} counts them. */
    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** {@code s} with every leading and trailing {@code c} removed (Python's {@code str.strip(c)}). */
    private static String strip(String s, char c) {
        int a = 0, b = s.length();
        while (a < b && s.charAt(a) == c) a++;
        while (b > a && s.charAt(b - 1) == c) b--;
        return s.substring(a, b);
    }

    /** The predictions an open answer yields: numbers (rounded {@link Double}s) and lower-cased texts. */
    static Set<Object> open(String response) {
        List<String> keys = keyTails(response == null ? "" : response);
        List<String> all = new ArrayList<>(keys);
        for (String k : keys) all.addAll(numbers(k));
        Set<Object> out = new LinkedHashSet<>();
        for (String s : all) out.addAll(normalise(s));
        return out;
    }

    /** Whether {@code golds} (any of them) match the predictions of {@link #open}. */
    static boolean openMatches(List<String> golds, Set<Object> predictions) {
        List<Object> norm = new ArrayList<>();
        for (String g : golds) norm.addAll(normalise(g));
        for (Object p : predictions) {
            if (p instanceof String text) {
                for (Object g : norm) if (g instanceof String gs && text.contains(gs)) return true;
            } else if (norm.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The tail after the last key phrase of each line; the whole (lower-cased) answer when no line has one. */
    static List<String> keyTails(String response) {
        String r = strip(response.strip(), '.').toLowerCase(Locale.ROOT);
        // The authors also split at ". " before a capital, but on lower-cased text that never fires: lines only.
        String[] lines = r.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            List<String> phrases = new ArrayList<>(KEY_PHRASES);
            if (i == lines.length - 1) phrases.add("=");
            String shortest = null;
            for (String k : phrases) {
                int at = lines[i].lastIndexOf(k);
                if (at < 0) continue;
                String tail = lines[i].substring(at + k.length()).strip();
                // an empty tail does not hold the place: the next phrase's tail replaces it (as "not ''" does)
                if (shortest == null || shortest.isEmpty() || tail.length() < shortest.length()) shortest = tail;
            }
            if (shortest != null && !shortest.isEmpty() && !TRIVIAL.contains(shortest.strip())) out.add(shortest);
        }
        if (out.isEmpty()) out.add(r);
        return out;
    }

    /** Every number in {@code s}: with thousands commas, scientific, then plain (each list in order of appearance). */
    static List<String> numbers(String s) {
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(WITH_COMMAS, SCIENTIFIC, SIMPLE)) {
            Matcher m = p.matcher(s);
            while (m.find()) out.add(m.group());
        }
        return out;
    }

    /** A number becomes its value rounded to 2 decimals; text is lower-cased, a single character padded by a space. */
    static List<Object> normalise(String s) {
        String t = s.strip();
        Double n = pythonFloat(t.replace(",", ""));
        if (n != null) return List.of(round2(n));
        t = t.toLowerCase(Locale.ROOT);
        if (t.length() == 1) return List.of(" " + t, t + " ");
        return List.of(t);
    }

    /** Python's {@code float(text)}, or null where it raises (ValueError). */
    static Double pythonFloat(String text) {
        String t = text.strip();
        if (PY_SPECIAL.matcher(t).matches()) {
            String v = t.replaceFirst("^[+-]", "").toLowerCase(Locale.ROOT);
            if (v.equals("nan")) return Double.NaN;
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!PY_FLOAT.matcher(t).matches()) return null;
        return Double.parseDouble(t.replace("_", ""));
    }

    /** Python's {@code round(x, 2)}: the exact binary value rounded half to even. */
    static double round2(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
