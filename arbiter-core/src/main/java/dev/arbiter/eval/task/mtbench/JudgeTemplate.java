package dev.arbiter.eval.task.mtbench;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One FastChat judge prompt (a line of {@code judge_prompts.jsonl}).
 *
 * @param type         {@code single} (rate one answer) or {@code pairwise}
 * @param template     user message with {@code {question}}, {@code {answer}}, {@code {ref_answer_1}}, … placeholders
 * @param outputFormat {@code [[rating]]} for single judges
 */
public record JudgeTemplate(String name, String type, String systemPrompt, String template, String category, String outputFormat) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    public JudgeTemplate {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("judge prompt name is required");
        if (systemPrompt == null || template == null) throw new IllegalArgumentException("judge prompt " + name + " needs system_prompt and prompt_template");
    }

    /**
     * The user message with placeholders filled in one pass, as Python's {@code str.format} does: text inserted for one
     * placeholder is never scanned again, so an answer containing "{ref_answer_1}" stays literal.
     *
     * @throws IllegalArgumentException when the template names a placeholder not in {@code values}
     */
    public String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalArgumentException("judge prompt " + name + " needs {" + m.group(1) + "}");
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
