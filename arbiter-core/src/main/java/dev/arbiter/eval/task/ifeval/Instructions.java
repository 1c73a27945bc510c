package dev.arbiter.eval.task.ifeval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.scorer.PythonText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 25 verifiable instructions of IFEval, each built from its id and kwargs and checked as the reference's
 * {@code check_following} does (google-research/instruction_following_eval instructions.py, as copied into
 * lm-evaluation-harness lm_eval/tasks/ifeval/instructions.py at commit 0d2cf3b). Keywords are used as regular
 * expressions, as the reference does ({@code re.search(keyword, …, IGNORECASE)}). Unknown ids and missing kwargs are
 * refused when the data is loaded, naming the id and the key.
 */
public final class Instructions {
    public static final Set<String> IDS = Set.of(
            "keywords:existence", "keywords:frequency", "keywords:forbidden_words", "keywords:letter_frequency",
            "language:response_language", "length_constraints:number_sentences", "length_constraints:number_paragraphs",
            "length_constraints:number_words", "length_constraints:nth_paragraph_first_word",
            "detectable_content:number_placeholders", "detectable_content:postscript",
            "detectable_format:number_bullet_lists", "detectable_format:constrained_response",
            "detectable_format:number_highlighted_sections", "detectable_format:multiple_sections",
            "detectable_format:json_format", "detectable_format:title", "combination:two_responses",
            "combination:repeat_prompt", "startend:end_checker", "change_case:capital_word_frequency",
            "change_case:english_capital", "change_case:english_lowercase", "punctuation:no_comma", "startend:quotation");
    private static final List<String> CONSTRAINED = List.of("My answer is yes.", "My answer is no.", "My answer is maybe.");
    // Python's json.loads takes NaN, Infinity and -Infinity (its allow_nan default); Jackson only when told, and then
    // also INF, -INF and +Infinity, which Python refuses (isJson checks the literals).
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final Set<String> PY_NON_NUMBERS = Set.of("NaN", "Infinity", "-Infinity");
    /** Python's re flags IGNORECASE on a str pattern: Unicode case ("CAFÉ" is "café"), not Java's ASCII default. */
    private static final int PY_IGNORECASE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Python's "." leaves out "\n" alone and its MULTILINE "^"/"$" sit at "\n" alone; Java's also at "\r", NEL, U+2028/9. */
    private static final int PY_LINES = Pattern.UNIX_LINES;
    private static final String SPACE = PythonText.SPACE_CLASS;

    private static final Pattern DIVIDER = Pattern.compile(SPACE + "?\\*\\*\\*" + SPACE + "?");

    private Instructions() {}

    /** @throws IllegalArgumentException naming the id or kwarg, for the loader to place in its file and line */
    public static Instruction of(String id, JsonNode kwargs) {
        Args a = new Args(id, kwargs);
        return switch (id) {
            case "keywords:existence" -> {
                List<Pattern> keywords = a.strings("keywords").stream().map(k -> Pattern.compile(k, PY_IGNORECASE)).toList();
                yield r -> keywords.stream().allMatch(k -> k.matcher(r).find());
            }
            case "keywords:frequency" -> {
                Pattern k = Pattern.compile(PythonText.strip(a.string("keyword")), PY_IGNORECASE);
                int f = a.integer("frequency");
                boolean less = a.lessThan("relation");
                yield r -> compare(count(k.matcher(r)), f, less);
            }
            case "keywords:forbidden_words" -> {
                List<Pattern> words = a.strings("forbidden_words").stream()
                        .map(w -> Pattern.compile(PythonText.WORD_BOUNDARY + w + PythonText.WORD_BOUNDARY, PY_IGNORECASE)).toList();
                yield r -> words.stream().noneMatch(w -> w.matcher(r).find());
            }
            case "keywords:letter_frequency" -> {
                String letter = PythonText.strip(a.string("letter")).toLowerCase(Locale.ROOT);
                int f = a.integer("let_frequency");
                boolean less = a.lessThan("let_relation");
                yield r -> compare((int) r.toLowerCase(Locale.ROOT).chars().filter(c -> letter.length() == 1 && c == letter.charAt(0)).count(), f, less);
            }
            case "language:response_language" -> {
                String language = a.string("language");
                yield r -> Languages.detect(r).map(language::equals).orElse(true);
            }
            case "length_constraints:number_sentences" -> {
                int n = a.integer("num_sentences");
                boolean less = a.lessThan("relation");
                yield r -> compare(IfevalText.countSentences(r), n, less);
            }
            case "length_constraints:number_paragraphs" -> {
                int n = a.integer("num_paragraphs");
                yield r -> paragraphsByDivider(r, n);
            }
            case "length_constraints:number_words" -> {
                int n = a.integer("num_words");
                boolean less = a.lessThan("relation");
                yield r -> compare(IfevalText.countWords(r), n, less);
            }
            case "length_constraints:nth_paragraph_first_word" -> {
                int n = a.integer("num_paragraphs"), nth = a.integer("nth_paragraph");
                String first = a.string("first_word").toLowerCase(Locale.ROOT);
                yield r -> nthParagraphFirstWord(r, n, nth, first);
            }
            case "detectable_content:number_placeholders" -> {
                int n = a.integer("num_placeholders");
                Pattern placeholder = Pattern.compile("\\[.*?]", PY_LINES);
                yield r -> count(placeholder.matcher(r)) >= n;
            }
            case "detectable_content:postscript" -> {
                String marker = PythonText.strip(a.string("postscript_marker"));
                String p = marker.equals("P.P.S") ? SPACE + "*p\\." + SPACE + "?p\\." + SPACE + "?s.*$"
                        : marker.equals("P.S.") ? SPACE + "*p\\." + SPACE + "?s\\..*$"
                        : SPACE + "*" + marker.toLowerCase(Locale.ROOT) + ".*$";
                Pattern pattern = Pattern.compile(p, Pattern.MULTILINE | PY_LINES);
                yield r -> pattern.matcher(r.toLowerCase(Locale.ROOT)).find();
            }
            case "detectable_format:number_bullet_lists" -> {
                int n = a.integer("num_bullets");
                Pattern star = Pattern.compile("^" + SPACE + "*\\*[^*].*$", Pattern.MULTILINE | PY_LINES);
                Pattern dash = Pattern.compile("^" + SPACE + "*-.*$", Pattern.MULTILINE | PY_LINES);
                yield r -> count(star.matcher(r)) + count(dash.matcher(r)) == n;
            }
            case "detectable_format:constrained_response" -> r -> CONSTRAINED.stream().anyMatch(PythonText.strip(r)::contains);
            case "detectable_format:number_highlighted_sections" -> {
                int n = a.integer("num_highlights");
                yield r -> highlights(r) >= n;
            }
            case "detectable_format:multiple_sections" -> {
                String splitter = PythonText.strip(a.string("section_spliter"));
                int n = a.integer("num_sections");
                // Python's \s and \d: any Unicode space (U+00A0 too) and any decimal digit ("Section ٢")
                Pattern p = Pattern.compile(SPACE + "?" + splitter + SPACE + "?\\p{Nd}+" + SPACE + "?");
                yield r -> pythonSplit(p, r).size() - 1 >= n;
            }
            case "detectable_format:json_format" -> Instructions::isJson;
            case "detectable_format:title" -> r -> {
                Matcher m = Pattern.compile("<<[^\\n]+>>").matcher(r);
                while (m.find()) if (!PythonText.strip(m.group().replaceAll("^<+", "").replaceAll(">+$", "")).isEmpty()) return true;
                return false;
            };
            case "combination:two_responses" -> Instructions::twoResponses;
            case "combination:repeat_prompt" -> {
                String prompt = PythonText.strip(a.string("prompt_to_repeat")).toLowerCase(Locale.ROOT);
                yield r -> PythonText.strip(r).toLowerCase(Locale.ROOT).startsWith(prompt);
            }
            case "startend:end_checker" -> {
                String end = PythonText.strip(a.string("end_phrase")).toLowerCase(Locale.ROOT);
                yield r -> stripChars(PythonText.strip(r), '"').toLowerCase(Locale.ROOT).endsWith(end);
            }
            case "change_case:capital_word_frequency" -> {
                int n = a.integer("capital_frequency");
                boolean less = a.lessThan("capital_relation");
                yield r -> compare((int) IfevalText.tokens(r).stream().filter(IfevalText::isUpper).count(), n, less);
            }
            case "change_case:english_capital" -> r -> IfevalText.isUpper(r) && Languages.detect(r).map("en"::equals).orElse(true);
            case "change_case:english_lowercase" -> r -> IfevalText.isLower(r) && Languages.detect(r).map("en"::equals).orElse(true);
            case "punctuation:no_comma" -> r -> r.indexOf(',') < 0;
            case "startend:quotation" -> r -> {
                String v = PythonText.strip(r);
                return v.length() > 1 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"';
            };
            default -> throw new IllegalArgumentException("unknown IFEval instruction id '" + id + "'");
        };
    }

    private static boolean compare(int actual, int threshold, boolean lessThan) {
        return lessThan ? actual < threshold : actual >= threshold;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** Python's re.split: the pieces between matches, empty ones included. */
    static List<String> pythonSplit(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        int last = 0;
        while (m.find()) {
            out.add(s.substring(last, m.start()));
            last = m.end();
        }
        out.add(s.substring(last));
        return out;
    }

    private static boolean paragraphsByDivider(String r, int n) {
        List<String> parts = pythonSplit(DIVIDER, r);
        int count = parts.size();
        for (int i = 0; i < parts.size(); i++) {
            if (PythonText.strip(parts.get(i)).isEmpty()) {
                if (i == 0 || i == parts.size() - 1) count--;
                else return false;
            }
        }
        return count == n;
    }

    private static boolean nthParagraphFirstWord(String r, int n, int nth, String first) {
        List<String> parts = pythonSplit(Pattern.compile("\n\n"), r);
        int count = parts.size();
        for (String p : parts) if (PythonText.strip(p).isEmpty()) count--;
        if (nth > count) return false;
        String paragraph = PythonText.strip(parts.get(nth - 1));
        if (paragraph.isEmpty()) return false;
        // Python's str.split(): on any run of its whitespace, U+00A0 included
        String word = paragraph.split(SPACE + "+")[0];
        word = word.replaceAll("^'+", "").replaceAll("^\"+", "");
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            if (".,?!'\"".indexOf(c) >= 0) break;
            w.append(Character.toString(c).toLowerCase(Locale.ROOT)); // letter.lower(): "İ" is two code points
            i += Character.charCount(c);
        }
        return count == n && w.toString().equals(first);
    }

    private static int highlights(String r) {
        int n = 0;
        Matcher single = Pattern.compile("\\*[^\\n*]*\\*").matcher(r);
        while (single.find()) if (!PythonText.strip(stripChars(single.group(), '*')).isEmpty()) n++;
        Matcher dbl = Pattern.compile("\\*\\*[^\\n*]*\\*\\*").matcher(r);
        while (dbl.find()) {
            String g = dbl.group();
            if (!PythonText.strip(g.substring(2, g.length() - 2)).isEmpty()) n++;
        }
        return n;
    }

    /** The reference's strip, removeprefix chain (each tried in turn), removesuffix, strip, then {@code json.loads}. */
    private static boolean isJson(String r) {
        String v = PythonText.strip(r);
        for (String prefix : List.of("```json", "```Json", "```JSON", "```")) {
            if (v.startsWith(prefix)) v = v.substring(prefix.length());
        }
        if (v.endsWith("```")) v = v.substring(0, v.length() - 3);
        return pythonJsonLoads(PythonText.strip(v));
    }

    /** Whether {@code json.loads} takes {@code v}: one JSON value and nothing after it; NaN and ±Infinity allowed. */
    private static boolean pythonJsonLoads(String v) {
        try (JsonParser p = JSON.createParser(v)) {
            JsonToken t = p.nextToken();
            if (t == null) return false;
            int depth = 0;
            while (true) {
                if (t.isStructStart()) depth++;
                else if (t.isStructEnd()) depth--;
                else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    String n = p.getText();
                    if (!Character.isDigit(n.charAt(n.length() - 1)) && !PY_NON_NUMBERS.contains(n)) return false;
                }
                if (depth == 0) break;
                t = p.nextToken();
            }
            return p.nextToken() == null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean twoResponses(String r) {
        String[] parts = r.split("\\*\\*\\*\\*\\*\\*", -1);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (PythonText.strip(parts[i]).isEmpty()) {
                if (i != 0 && i != parts.length - 1) return false;
            } else {
                valid.add(parts[i]);
            }
        }
        return valid.size() == 2 && !PythonText.strip(valid.get(0)).equals(PythonText.strip(valid.get(1)));
    }

    /** Python's str.strip(chars) for one character. */
    private static String stripChars(String s, char c) {
        int a = 0, b = s.length();
        while (a < b && s.charAt(a) == c) a++;
        while (b > a && s.charAt(b - 1) == c) b--;
        return s.substring(a, b);
    }

    /** An instruction's kwargs, read with messages that name the id and the key. */
    private record Args(String id, JsonNode kwargs) {
        JsonNode get(String key) {
            JsonNode v = kwargs == null ? null : kwargs.get(key);
            if (v == null || v.isNull()) throw new IllegalArgumentException("instruction " + id + " needs kwarg '" + key + "'");
            return v;
        }

        String string(String key) {
            JsonNode v = get(key);
            if (!v.isValueNode()) throw new IllegalArgumentException("instruction " + id + ": kwarg '" + key + "' must be text");
            return v.asText();
        }

        int integer(String key) {
            JsonNode v = get(key);
            if (!v.canConvertToInt() || !(v.isIntegralNumber() || v.isTextual() && v.asText().matches("\\d+"))) {
                throw new IllegalArgumentException("instruction " + id + ": kwarg '" + key + "' must be a whole number, got " + v);
            }
            return v.isTextual() ? Integer.parseInt(v.asText()) : v.asInt();
        }

        List<String> strings(String key) {
            JsonNode v = get(key);
            if (!v.isArray()) throw new IllegalArgumentException("instruction " + id + ": kwarg '" + key + "' must be a list of words");
            List<String> out = new ArrayList<>();
            v.forEach(x -> out.add(x.asText()));
            return out;
        }

        boolean lessThan(String key) {
            String r = string(key);
            if (r.equals("less than")) return true;
            if (r.equals("at least")) return false;
            throw new IllegalArgumentException("instruction " + id + ": kwarg '" + key + "' must be 'less than' or 'at least', got '" + r + "'");
        }
    }

}
