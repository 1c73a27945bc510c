package dev.arbiter.eval.task.humaneval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a model's answer into the code that replaces {@code prompt + completion}. Chat answers: the fenced block
 * (```python, ```py or bare ```) that defines the entry point, else the first one; without fences, the text from
 * its first line of code to the first line of prose after it. A {@code if __name__ == "__main__":} block is
 * dropped (it would run, and may read stdin or exit 0 before the check). Completions: cut at the first stop
 * sequence and appended as they are. The answer is untrusted text; this class only cuts and joins strings.
 */
public final class CodeExtractor {
    /** Where a raw completion is cut, as in the Codex paper: the function ends where top-level code begins. */
    public static final List<String> STOP_SEQUENCES = List.of("\ndef ", "\nclass ", "\nif __name__", "\nprint(");

    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*([A-Za-z0-9_+.-]*).*$");
    private static final Set<String> PYTHON_TAGS = Set.of("", "python", "py", "python3", "py3");
    private static final Pattern CODE_START =
            Pattern.compile("^(def |async def |class |import |from [\\w.]+ import |@\\w)");
    private static final Pattern MAIN_GUARD =
            Pattern.compile("^if\\s+__name__\\s*==\\s*['\"]__main__['\"]\\s*:");
    /** A line at column 0 that Python would accept as the start of a statement (prose almost never matches). */
    private static final Pattern TOP_LEVEL_CODE = Pattern.compile(String.join("|",
            "^(if|elif|while|for|with|def|class|async|except)\\b.*:\\s*(#.*)?$",
            "^(else|try|finally)\\s*:",
            "^(import|from)\\s+[\\w.]+",
            "^(return|assert|raise|pass|break|continue|del|global|nonlocal|yield)\\b",
            "^(@\\w|#|[)\\]}])",
            "^[A-Za-z_][\\w.]*(\\[.*])?\\s*(=|\\+=|-=|\\*=|/=|\\()",
            "^[A-Za-z_][\\w.]*\\s*:\\s*[^=]+=",
            "^[A-Za-z_][\\w.]*\\s*,\\s*[A-Za-z_][\\w.]*.*="));

    private CodeExtractor() {}

    /** A chat answer (any prose around the code allowed). */
    public static Solution fromChat(String answer, HumanEvalProblem problem) {
        String text = answer == null ? "" : answer.replace("\r\n", "\n").replace('\r', '\n');
        List<String> blocks = pythonBlocks(text);
        String code;
        if (!blocks.isEmpty()) {
            code = blocks.stream().filter(b -> definesEntryPoint(b, problem)).findFirst().orElse(blocks.get(0));
        } else {
            code = codeRegion(text);
        }
        return assemble(dropMainGuard(code), problem);
    }

    /** A raw completion of the prompt, cut at the first stop sequence. */
    public static Solution fromCompletion(String completion, HumanEvalProblem problem) {
        String text = completion == null ? "" : completion.replace("\r\n", "\n");
        int cut = text.length();
        for (String stop : STOP_SEQUENCES) {
            int at = text.indexOf(stop);
            if (at >= 0) cut = Math.min(cut, at);
        }
        String body = text.substring(0, cut);
        if (body.isBlank()) return Solution.none();
        return new Solution(SolutionKind.BODY, problem.prompt() + body);
    }

    static boolean definesEntryPoint(String code, HumanEvalProblem problem) {
        return Pattern.compile("(?m)^(async\\s+)?def\\s+" + Pattern.quote(problem.entryPoint()) + "\\s*\\(")
                .matcher(code).find();
    }

    /** Contents of fenced blocks tagged as Python or untagged; an unclosed fence runs to the end. */
    static List<String> pythonBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FENCE.matcher(lines[i]);
            if (!m.matches()) continue;
            String fence = m.group(1);
            String tag = m.group(2).toLowerCase(Locale.ROOT);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !isClosing(lines[j], fence)) body.append(lines[j++]).append('\n');
            if (PYTHON_TAGS.contains(tag)) blocks.add(body.toString());
            i = j;
        }
        return blocks;
    }

    private static boolean isClosing(String line, String fence) {
        String s = line.strip();
        return s.startsWith(fence) && s.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** Unfenced answers: from the first line of code to the first line of prose at column 0 after it. */
    static String codeRegion(String text) {
        String[] lines = text.split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length && start < 0; i++) {
            if (CODE_START.matcher(lines[i]).find()) start = i;
        }
        for (int i = 0; i < lines.length && start < 0; i++) {
            if (!lines[i].isBlank() && Character.isWhitespace(lines[i].charAt(0))) start = i;
        }
        if (start < 0) return "";
        StringBuilder out = new StringBuilder();
        String openQuote = null;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            boolean topLevel = !line.isBlank() && !Character.isWhitespace(line.charAt(0));
            if (openQuote == null && topLevel && !TOP_LEVEL_CODE.matcher(line).find()) break;
            out.append(line).append('\n');
            openQuote = trackTripleQuotes(line, openQuote);
        }
        return out.toString();
    }

    /** The triple-quote delimiter still open after {@code line}, given the one open before it (or null). */
    private static String trackTripleQuotes(String line, String open) {
        int at = 0;
        while (true) {
            if (open != null) {
                int close = line.indexOf(open, at);
                if (close < 0) return open;
                at = close + 3;
                open = null;
            } else {
                int d = line.indexOf("\"\"\"", at);
                int s = line.indexOf("'''", at);
                if (d < 0 && s < 0) return null;
                int first = d < 0 ? s : s < 0 ? d : Math.min(d, s);
                open = line.substring(first, first + 3);
                at = first + 3;
            }
        }
    }

    static String dropMainGuard(String code) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : code.split("\n", -1)) {
            boolean topLevel = !line.isBlank() && !Character.isWhitespace(line.charAt(0));
            if (topLevel) skipping = MAIN_GUARD.matcher(line).find();
            if (!skipping) out.append(line).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static Solution assemble(String code, HumanEvalProblem problem) {
        if (code.isBlank()) return Solution.none();
        String prompt = problem.prompt().endsWith("\n") ? problem.prompt() : problem.prompt() + "\n";
        if (definesEntryPoint(code, problem)) {
            // The prompt stays in front: its docstring-only stub is valid Python, the answer's def replaces it,
            // and helpers the prompt defines (HumanEval/10, 32, 38, 50) remain available.
            return new Solution(SolutionKind.FULL_FUNCTION, prompt + "\n\n" + code);
        }
        return new Solution(SolutionKind.BODY, prompt + reindent(code, bodyIndent(prompt)));
    }

    /** Indentation of the prompt's last non-blank line: the docstring's, i.e. the function body's. */
    static String bodyIndent(String prompt) {
        String[] lines = prompt.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                String indent = lines[i].substring(0, lines[i].length() - lines[i].stripLeading().length());
                return indent.isEmpty() ? "    " : indent;
            }
        }
        return "    ";
    }

    /** Removes the body's common indentation and applies {@code indent} instead. */
    static String reindent(String body, String indent) {
        String[] lines = body.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) common = Math.min(common, l.length() - l.stripLeading().length());
        }
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.isBlank() ? "" : indent + l.substring(common)).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }
}
