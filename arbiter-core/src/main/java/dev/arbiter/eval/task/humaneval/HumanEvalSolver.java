package dev.arbiter.eval.task.humaneval;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;

import java.util.List;
import java.util.Map;

/** Asks the model for one solution: a chat turn, or a raw completion of the prompt with the paper's stops. */
public final class HumanEvalSolver implements Solver {
    static final String INSTRUCTION = "Complete the following Python function. Reply with the complete function "
            + "(signature and body, with any imports it needs) in a single ```python code block.";

    private final Map<String, HumanEvalProblem> problems;
    private final PromptMode mode;
    private final GenerationConfig config;

    public HumanEvalSolver(Map<String, HumanEvalProblem> problems, PromptMode mode, GenerationConfig config) {
        this.problems = Map.copyOf(problems);
        this.mode = mode;
        this.config = config;
    }

    /** The user turn a chat model sees. */
    public static String chatPrompt(HumanEvalProblem p) {
        String prompt = p.prompt().endsWith("\n") ? p.prompt() : p.prompt() + "\n";
        return INSTRUCTION + "\n\n```python\n" + prompt + "```\n";
    }

    /** The sample's input: the chat turn, or (completion mode, for the record) the raw prompt. */
    public static List<ChatMessage> input(HumanEvalProblem p, PromptMode mode) {
        return List.of(ChatMessage.user(mode == PromptMode.CHAT ? chatPrompt(p) : p.prompt()));
    }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        HumanEvalProblem p = problems.get(state.sample().id());
        if (p == null) throw new IllegalStateException("no HumanEval problem with id " + state.sample().id());
        GenerateRequest request = mode == PromptMode.CHAT
                ? GenerateRequest.chat(state.messages(), config)
                : GenerateRequest.completion(p.prompt(), config.stop() != null ? config : config.withStop(CodeExtractor.STOP_SEQUENCES));
        return state.withOutput(generate.apply(request));
    }
}
