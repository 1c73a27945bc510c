package dev.arbiter.eval.solver;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.PromptLogprobs;
import dev.arbiter.client.PromptToken;
import dev.arbiter.client.TokenLogprob;
import dev.arbiter.client.Usage;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * lm-eval's {@code multiple_choice} output type over HTTP: for each option, the log-likelihood of
 * {@code delimiter + label} (" A") after the raw prompt (the single user turn, no chat template), one echoed
 * completions request per option as lm-eval's local-completions model sends with batch size 1.
 * <p>
 * The state gets one output per option, in option order: its {@code text} is the continuation, its {@code logprobs}
 * the continuation's tokens, and its {@code reasoning} is set ({@link #UNALIGNED}) when the server's tokens did not
 * start the continuation on a token boundary. A last output summarises the log-likelihoods for people reading the run.
 */
public final class LoglikelihoodSolver implements Solver {
    /** Marks an option whose first token also covered the end of the context (lm-eval tokenises the two apart). */
    public static final String UNALIGNED = "continuation does not start on a token boundary";

    private final String delimiter;

    /** @param delimiter what goes between the prompt and each option label (lm-eval's {@code target_delimiter}, " ") */
    public LoglikelihoodSolver(String delimiter) {
        this.delimiter = delimiter;
    }

    /** The option labels A, B, … of a sample with {@code n} choices. */
    public static List<String> labels(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(String.valueOf((char) ('A' + i)));
        return out;
    }

    public String delimiter() { return delimiter; }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        Sample s = state.sample();
        if (state.messages().size() != 1 || !"user".equals(state.messages().get(0).role())) {
            throw new IllegalStateException("a loglikelihood prompt needs exactly one user turn, sample " + s.id() + " has "
                    + state.messages().stream().map(ChatMessage::role).toList());
        }
        String context = state.messages().get(0).content();
        StringBuilder summary = new StringBuilder("loglikelihood");
        TaskState out = state;
        for (String label : labels(s.choices().size())) {
            String text = context + delimiter + label;
            PromptLogprobs p = generate.promptLogprobs(text);
            PromptLogprobs.Continuation c = p.continuation(context.length());
            List<TokenLogprob> tokens = new ArrayList<>();
            for (PromptToken t : c.tokens()) tokens.add(new TokenLogprob(t.text(), t.logprob(), Map.of()));
            out = out.withOutput(new GenerateResponse(delimiter + label, c.aligned() ? null : UNALIGNED, "stop",
                    p.usage(), tokens, null, null));
            summary.append(' ').append(label).append('=').append(String.format(Locale.US, "%.6f", c.logprob()));
        }
        return out.withOutput(new GenerateResponse(summary.toString(), null, "stop", Usage.UNKNOWN, List.of(), null, null));
    }
}
